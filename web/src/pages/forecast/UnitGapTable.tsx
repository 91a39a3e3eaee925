import type { ForecastUnitGapRow } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { GapMarker } from './GapMarker.js';
import { gapStatus } from './gapStatus.js';
import { forecastMessages } from './messages.js';
import { WholeVolume } from './volumes.js';

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
    {
      key: 'demand',
      header: text.demand,
      cell: (row) => <WholeVolume value={row.demand} />,
      numeric: true,
      sortValue: (row) => row.demand,
    },
    {
      key: 'capacity',
      header: text.capacity,
      cell: (row) => <WholeVolume value={row.capacity} />,
      numeric: true,
      sortValue: (row) => row.capacity,
    },
    {
      key: 'gap',
      header: text.gap,
      cell: (row) => <WholeVolume value={row.gap} />,
      numeric: true,
      sortValue: (row) => row.gap,
    },
    {
      key: 'status',
      header: text.status,
      cell: (row) => <GapMarker status={gapStatus(row.gap, row.demand)} />,
    },
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
