import type { ForecastDemandRow, ServiceClass } from '../../../../src/model/index.js';
import { Count } from '../../components/Count.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { serviceClassName } from '../data/names.js';
import { gapColumns } from './gapColumns.js';
import { forecastMessages } from './messages.js';

interface DemandTableProps {
  rows: readonly ForecastDemandRow[];
  serviceClasses: readonly ServiceClass[];
  caption: string;
}

/** Demand against capacity by service class, sortable by any figure; largest shortfall first at the start. */
export const DemandTable = ({ rows, serviceClasses, caption }: DemandTableProps) => {
  const text = usePageMessages(forecastMessages).gap;
  const { language } = useI18n();
  const classes = new Map(serviceClasses.map((serviceClass) => [serviceClass.code, serviceClass]));
  const nameOf = (code: string) => {
    const serviceClass = classes.get(code);
    return serviceClass ? serviceClassName(serviceClass, language) : code;
  };
  const columns: SortableColumn<ForecastDemandRow>[] = [
    {
      key: 'name',
      header: text.serviceClass,
      cell: (row) => nameOf(row.serviceClass),
      rowHeader: true,
      sortValue: (row) => nameOf(row.serviceClass),
    },
    { key: 'measure', header: text.measure, cell: (row) => text.units[row.eventKind] ?? row.eventKind },
    ...gapColumns<ForecastDemandRow>(text),
    {
      key: 'fte',
      header: text.fte,
      cell: (row) => <Count value={row.fte === null ? null : Math.round(row.fte * 10) / 10} />,
      numeric: true,
      sortValue: (row) => row.fte,
    },
  ];
  return (
    <SortableTable
      id="demand-table"
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.serviceClass}
      initialOrder={{ key: 'gap', direction: 'descending' }}
    />
  );
};
