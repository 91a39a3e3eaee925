import type { SortableColumn } from '../../components/SortableTable.js';
import { GapMarker } from './GapMarker.js';
import { gapStatus } from './gapStatus.js';
import type { ForecastMessages } from './messages.js';
import { WholeVolume } from './volumes.js';

interface GapFigures {
  demand: number;
  capacity: number | null;
  gap: number | null;
}

/** Demand, capacity, gap and its status: the columns the service-class and unit tables share. */
export const gapColumns = <Row extends GapFigures>(text: ForecastMessages['gap']): SortableColumn<Row>[] => [
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
