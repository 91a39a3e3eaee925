import { useId, useState } from 'react';
import type { EquityGroup, EquityResult } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useLivePost, type WorkingScenario, workingFields } from './api.js';
import { equityMessages } from './equity-messages.js';
import { useFormats } from './format.js';

/** Equity of access to the chosen class under the working changes: Gini, Palma, residents beyond a limit. */
export const EquityPanel = ({
  serviceClass,
  working,
}: {
  serviceClass: string;
  working: WorkingScenario;
}) => {
  const text = usePageMessages(equityMessages);
  const { t } = useI18n();
  const format = useFormats();
  const limitId = useId();
  const [limit, setLimit] = useState(30);
  const { data, error, updating } = useLivePost<EquityResult>('/api/network/equity', {
    serviceClass,
    limitMinutes: limit,
    ...workingFields(working),
  });
  const count = (value: number | null) => (value === null ? text.withheld : format.whole(value));
  const minutes = (value: number | null) =>
    value === null ? text.none : text.minutes(format.minutes(value));
  const columns = (header: string): SortableColumn<EquityGroup>[] => [
    { key: 'group', header, cell: (g) => g.group || text.none, rowHeader: true },
    { key: 'residents', header: text.residents, cell: (g) => count(g.residents), numeric: true },
    { key: 'mean', header: text.mean, cell: (g) => minutes(g.mean), numeric: true },
    { key: 'median', header: text.median, cell: (g) => minutes(g.median), numeric: true },
    { key: 'p90', header: text.p90, cell: (g) => minutes(g.p90), numeric: true },
    {
      key: 'beyond',
      header: text.beyond(format.whole(limit)),
      cell: (g) => count(g.beyondLimit),
      numeric: true,
    },
    { key: 'unreachable', header: text.unreachable, cell: (g) => count(g.unreachable), numeric: true },
  ];
  return (
    <div className="network-equity" aria-busy={updating}>
      <p className="hint">{text.hint}</p>
      <label htmlFor={limitId}>{text.limit}</label>{' '}
      <input
        id={limitId}
        type="number"
        min={1}
        max={600}
        value={limit}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (value >= 1 && value <= 600) setLimit(value);
        }}
      />
      {data ? (
        <>
          <dl className="figures" id="network-equity-figures">
            <div>
              <dt>{text.gini}</dt>
              <dd>{data.gini === null ? text.none : format.decimal(data.gini)}</dd>
            </div>
            <div>
              <dt>{text.palma}</dt>
              <dd>{data.palma === null ? text.none : format.decimal(data.palma)}</dd>
            </div>
            <div>
              <dt>{text.beyond(format.whole(data.limitMinutes))}</dt>
              <dd>{count(data.beyondLimit)}</dd>
            </div>
          </dl>
          <SortableTable<EquityGroup>
            id="network-equity-age"
            caption={text.byAgeGroup}
            rows={data.byAgeGroup}
            rowKey={(g) => g.group}
            columns={columns(text.ageGroup)}
          />
          <SortableTable<EquityGroup>
            id="network-equity-municipality"
            caption={text.byMunicipality}
            rows={data.byMunicipality}
            rowKey={(g) => g.group}
            columns={columns(text.municipality)}
          />
        </>
      ) : (
        <p className="status" role={error ? 'alert' : 'status'}>
          {error ? t.status.failed(failureText(t, error)) : text.loading}
        </p>
      )}
    </div>
  );
};
