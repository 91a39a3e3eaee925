import { useState } from 'react';
import type { TravelModeAccess, TravelModeComparison } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useLivePost, type WorkingScenario, workingFields } from './api.js';
import { useFormats } from './format.js';
import { modeMessages } from './mode-messages.js';

const thresholds = [15, 30, 45];

/** Access to the chosen class by car, public transport, on foot and by bicycle, under the working changes. */
export const ModesPanel = ({ serviceClass, working }: { serviceClass: string; working: WorkingScenario }) => {
  const text = usePageMessages(modeMessages);
  const { t } = useI18n();
  const format = useFormats();
  // Four modes' travel times are much work: computed once asked for, then kept up with the changes.
  const [asked, setAsked] = useState(false);
  const { data, error, updating } = useLivePost<TravelModeComparison>(
    '/api/network/modes',
    asked
      ? {
          serviceClass,
          thresholds,
          ...workingFields(working, { mode: false }),
        }
      : null,
  );
  const share = (m: TravelModeAccess, value: number | null) =>
    m.unavailable !== null ? text.none : value === null ? text.none : text.percent(format.percent(value));
  const columns: SortableColumn<TravelModeAccess>[] = [
    {
      key: 'mode',
      header: text.mode,
      cell: (m) =>
        m.unavailable === null
          ? text.modes[m.mode]
          : `${text.modes[m.mode]} (${text.unavailable[m.unavailable]})`,
      rowHeader: true,
    },
    ...thresholds.map(
      (minutes, k): SortableColumn<TravelModeAccess> => ({
        key: `within-${minutes}`,
        header: text.within(format.whole(minutes)),
        cell: (m) => share(m, m.within[k]?.share ?? null),
        numeric: true,
        sortValue: (m) => m.within[k]?.share ?? null,
      }),
    ),
    {
      key: 'median',
      header: text.median,
      cell: (m) =>
        m.unavailable !== null || m.medianMinutes === null
          ? text.none
          : text.minutes(format.minutes(m.medianMinutes)),
      numeric: true,
      sortValue: (m) => m.medianMinutes,
    },
    {
      key: 'unreachable',
      header: text.unreachable,
      cell: (m) => share(m, m.unreachableShare),
      numeric: true,
      sortValue: (m) => m.unreachableShare,
    },
  ];
  return (
    <div className="network-modes" aria-busy={updating}>
      <p className="hint">{text.hint}</p>
      {!asked ? (
        <button type="button" onClick={() => setAsked(true)}>
          {text.compare}
        </button>
      ) : data ? (
        <SortableTable<TravelModeAccess>
          id="network-modes-table"
          caption={text.caption}
          rows={data.modes}
          rowKey={(m) => m.mode}
          columns={columns}
        />
      ) : (
        <p className="status" role={error ? 'alert' : 'status'}>
          {error ? t.status.failed(failureText(t, error)) : text.loading}
        </p>
      )}
    </div>
  );
};
