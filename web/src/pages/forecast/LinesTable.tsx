import { Count, SuppressionNote } from '../../components/Count.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import type { ChartLine, GroupChart, YearValue } from './lines.js';
import { forecastMessages } from './messages.js';

interface LinesTableProps {
  charts: readonly GroupChart[];
  titles: ReadonlyMap<string, string>;
  caption: string;
}

interface TableRow {
  year: number;
  line: Pick<ChartLine, 'key' | 'kind' | 'label'>;
  values: Map<string, YearValue>;
}

/**
 * The lines' figures, a row per year and line. A projection's first point repeats the last recorded year
 * (so that the drawn lines join); the table gives that year once, as recorded.
 */
export const LinesTable = ({ charts, titles, caption }: LinesTableProps) => {
  const messages = usePageMessages(forecastMessages);
  const text = messages.lines;
  const kinds = {
    history: text.history,
    estimated: messages.controls.kinds.own,
    official: messages.controls.kinds.official,
  };
  const rows = new Map<string, TableRow>();
  const recorded = new Set<number>();
  for (const chart of charts) {
    for (const line of chart.lines) {
      for (const point of line.points) {
        if (line.kind === 'history') recorded.add(point.year);
        else if (recorded.has(point.year)) continue;
        const key = `${point.year}:${line.key}`;
        const row = rows.get(key) ?? { year: point.year, line, values: new Map() };
        row.values.set(chart.code, point);
        rows.set(key, row);
      }
    }
  }
  const ordered = [...rows.values()].sort((a, b) => a.year - b.year);
  const columns: SortableColumn<TableRow>[] = [
    { key: 'year', header: text.year, cell: (row) => row.year, rowHeader: true },
    {
      key: 'variant',
      header: messages.controls.variant,
      cell: (row) =>
        row.line.kind === 'history' ? kinds.history : `${row.line.label} (${kinds[row.line.kind]})`,
    },
    ...charts.map(
      (chart): SortableColumn<TableRow> => ({
        key: chart.code,
        header: titles.get(chart.code) ?? chart.code,
        cell: (row) => {
          const value = row.values.get(chart.code);
          return (
            <Count
              value={value?.value === undefined || value.value === null ? null : Math.round(value.value)}
              suppressed={value?.suppressed}
            />
          );
        },
        numeric: true,
      }),
    ),
  ];
  const suppressed = ordered.some((row) => [...row.values.values()].some((value) => value.suppressed));
  return (
    <>
      <SortableTable
        id="lines-table"
        caption={caption}
        columns={columns}
        rows={ordered}
        rowKey={(row) => `${row.year}:${row.line.key}`}
      />
      {suppressed ? <SuppressionNote /> : null}
    </>
  );
};
