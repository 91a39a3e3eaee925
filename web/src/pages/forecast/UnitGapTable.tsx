import type { ForecastUnitGapRow } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { gapColumns } from './gapColumns.js';
import { forecastMessages } from './messages.js';

interface UnitGapTableProps {
  rows: readonly ForecastUnitGapRow[];
  caption: string;
  serviceClassName(code: string): string;
  municipalityName(code: string): string;
}

/** The same comparison unit by unit: which of the area's units the projected demand outgrows. */
export const UnitGapTable = ({ rows, caption, serviceClassName, municipalityName }: UnitGapTableProps) => {
  const text = usePageMessages(forecastMessages).gap;
  const columns: SortableColumn<ForecastUnitGapRow>[] = [
    {
      key: 'unit',
      header: text.byUnit.unit,
      cell: (row) => row.unitName,
      rowHeader: true,
      sortValue: (row) => row.unitName,
    },
    {
      key: 'municipality',
      header: text.byUnit.municipality,
      cell: (row) => municipalityName(row.municipalityCode),
      sortValue: (row) => municipalityName(row.municipalityCode),
    },
    {
      key: 'serviceClass',
      header: text.serviceClass,
      cell: (row) => serviceClassName(row.serviceClass),
      sortValue: (row) => serviceClassName(row.serviceClass),
    },
    ...gapColumns<ForecastUnitGapRow>(text),
  ];
  return (
    <SortableTable
      id="unit-gap-table"
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => `${row.unitCode}:${row.serviceClass}`}
      initialOrder={{ key: 'gap', direction: 'descending' }}
    />
  );
};
