import { useId, useState } from 'react';
import type { EquityGroup, LanguageAccessResult } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useLivePost, type WorkingScenario, workingFields } from './api.js';
import { useFormats } from './format.js';
import { languageMessages } from './language-messages.js';

type Row = EquityGroup & { status: string };

/** Access to the chosen class in Finnish and in Swedish under the working changes. */
export const LanguagePanel = ({
  serviceClass,
  working,
}: {
  serviceClass: string;
  working: WorkingScenario;
}) => {
  const text = usePageMessages(languageMessages);
  const { t } = useI18n();
  const format = useFormats();
  const limitId = useId();
  const [limit, setLimit] = useState(30);
  const { data, error, updating } = useLivePost<LanguageAccessResult>('/api/network/language-access', {
    serviceClass,
    limitMinutes: limit,
    ...workingFields(working, { mode: false }),
  });
  const count = (value: number | null) => (value === null ? text.withheld : format.whole(value));
  const minutes = (value: number | null) =>
    value === null ? text.none : text.minutes(format.minutes(value));
  const statusOf = new Map(data?.municipalities.map((m) => [m.municipalityCode, text.statuses[m.status]]));
  const columns: SortableColumn<Row>[] = [
    { key: 'group', header: text.municipality, cell: (g) => g.group || text.none, rowHeader: true },
    { key: 'status', header: text.status, cell: (g) => g.status },
    { key: 'residents', header: text.residents, cell: (g) => count(g.residents), numeric: true },
    { key: 'mean', header: text.mean, cell: (g) => minutes(g.mean), numeric: true },
    { key: 'median', header: text.median, cell: (g) => minutes(g.median), numeric: true },
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
          <p className="hint">
            {data.languageYear === null ? text.noFigures : text.figuresYear(String(data.languageYear))}
          </p>
          <div id="network-language-figures">
            {data.languages.map((group) => (
              <dl
                className="figures"
                key={group.language}
                aria-label={text.speakers(text.language[group.language])}
              >
                <div>
                  <dt>{text.speakers(text.language[group.language])}</dt>
                  <dd>
                    {text.units} {format.whole(group.units)}
                  </dd>
                </div>
                <div>
                  <dt>{text.residents}</dt>
                  <dd>{count(group.total.residents)}</dd>
                </div>
                <div>
                  <dt>{text.mean}</dt>
                  <dd>{minutes(group.total.mean)}</dd>
                </div>
                <div>
                  <dt>{text.median}</dt>
                  <dd>{minutes(group.total.median)}</dd>
                </div>
                <div>
                  <dt>{text.beyond(format.whole(data.limitMinutes))}</dt>
                  <dd>{count(group.total.beyondLimit)}</dd>
                </div>
              </dl>
            ))}
          </div>
          {data.languages.map((group) => (
            <SortableTable<Row>
              key={group.language}
              id={`network-language-${group.language}`}
              caption={text.byMunicipality(text.language[group.language])}
              rows={group.byMunicipality.map((g) => ({ ...g, status: statusOf.get(g.group) ?? text.none }))}
              rowKey={(g) => g.group}
              columns={columns}
            />
          ))}
        </>
      ) : (
        <p className="status" role={error ? 'alert' : 'status'}>
          {error ? t.status.failed(failureText(t, error)) : text.loading}
        </p>
      )}
    </div>
  );
};
