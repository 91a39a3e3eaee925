import type { UnitResult } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { producerKindColour } from '../../map/colours.js';
import { useFormats } from './format.js';
import { networkMessages } from './messages.js';

interface UnitTableProps {
  units: UnitResult[];
  serviceClass: string;
  serviceClassName: string;
  selectedUnit: string | null;
  onSelect(code: string): void;
  onToggleClose(code: string): void;
}

/** The units of the chosen service with their load: every map action is also here, by keyboard. */
export const UnitTable = ({
  units,
  serviceClass,
  serviceClassName,
  selectedUnit,
  onSelect,
  onToggleClose,
}: UnitTableProps) => {
  const { t, language } = useI18n();
  const text = usePageMessages(networkMessages).units;
  const format = useFormats();
  const columns: SortableColumn<UnitResult>[] = [
    { key: 'name', header: text.name, cell: (unit) => unit.name, rowHeader: true },
    {
      key: 'producerKind',
      header: text.producerKind,
      cell: (unit) =>
        unit.producerKind ? (
          <span className="kind">
            <span
              className="swatch swatch--unit"
              style={{ background: producerKindColour[unit.producerKind] }}
              aria-hidden="true"
            />
            {t.kinds.producer[unit.producerKind]}
          </span>
        ) : (
          t.kinds.unknownProducer
        ),
    },
    {
      key: 'status',
      header: text.status,
      cell: (unit) => (
        <span className={`unit-status unit-status--${unit.status}`}>
          {text.statuses[unit.status]}
          {unit.inPerson ? '' : ` (${text.remoteOnly})`}
        </span>
      ),
    },
    {
      key: 'capacity',
      header: text.capacity,
      cell: (unit) => (unit.status === 'closed' ? '–' : format.whole(unit.capacity[serviceClass] ?? 0)),
      numeric: true,
    },
    { key: 'load', header: text.load, cell: (unit) => format.whole(unit.load), numeric: true },
    {
      key: 'utilisation',
      header: text.utilisation,
      cell: (unit) =>
        unit.utilisation === null
          ? '–'
          : `${format.percent(unit.utilisation)} %${unit.utilisation >= 0.995 ? ` (${text.full})` : ''}`,
      numeric: true,
    },
    { key: 'overflow', header: text.overflow, cell: (unit) => format.whole(unit.overflow), numeric: true },
    {
      key: 'actions',
      header: text.actions,
      cell: (unit) => (
        <span className="row-actions">
          <button
            type="button"
            className="button-small"
            aria-label={text.selectContext(unit.name)}
            aria-pressed={selectedUnit === unit.code}
            onClick={() => onSelect(unit.code)}
          >
            {text.select}
          </button>
          <button
            type="button"
            className="button-small"
            aria-label={
              unit.status === 'closed' ? text.reopenContext(unit.name) : text.closeContext(unit.name)
            }
            onClick={() => onToggleClose(unit.code)}
          >
            {unit.status === 'closed' ? text.reopen : text.closeUnit}
          </button>
        </span>
      ),
    },
  ];
  const collator = new Intl.Collator(localeOf[language]);
  const rows = [...units].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <SortableTable
      id="network-units"
      caption={text.caption(serviceClassName)}
      columns={columns}
      rows={rows}
      rowKey={(unit) => unit.code}
    />
  );
};
