import type { ComparisonRow, ScenarioComparison } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { type Formats, useFormats } from './format.js';
import { type NetworkMessages, networkMessages } from './messages.js';

const metricLabel = (row: ComparisonRow, text: NetworkMessages['comparison']['metrics']): string => {
  const within = /^within(\d+(?:\.\d+)?)Min(Aged75)?$/.exec(row.metric);
  if (within) return within[2] ? text.withinAged75(within[1] ?? '') : text.within(within[1] ?? '');
  const primary = /^primaryCareWithin(\d+(?:\.\d+)?)Min(Aged75)?$/.exec(row.metric);
  if (primary)
    return primary[2] ? text.primaryWithinAged75(primary[1] ?? '') : text.primaryWithin(primary[1] ?? '');
  return (text as unknown as Record<string, string | undefined>)[row.metric] ?? row.metric;
};

const formatValue = (row: ComparisonRow, value: number, format: Formats): string =>
  row.unit === 'share'
    ? `${format.percent(value)} %`
    : row.unit === 'minutes' || row.unit === 'fte'
      ? format.decimal(value)
      : format.whole(value);

const formatDifference = (
  row: ComparisonRow,
  value: number,
  { format, points }: { format: Formats; points: string },
): string =>
  row.unit === 'share'
    ? `${format.signed(value * 100)} ${points}`
    : row.unit === 'minutes' || row.unit === 'fte'
      ? format.signed(value)
      : format.signed(value, 0);

/** Whether a difference is better, worse or nothing, in words and an arrow as well as colour. */
const judgement = (row: ComparisonRow, difference: number): 'better' | 'worse' | 'same' | null => {
  const significant = row.unit === 'share' ? Math.abs(difference) >= 0.0005 : Math.abs(difference) >= 0.05;
  if (!significant) return 'same';
  if (row.higherIsBetter === null) return null;
  return difference > 0 === row.higherIsBetter ? 'better' : 'worse';
};

interface ComparisonTableProps {
  comparison: ScenarioComparison;
  /** The service in view: its rows are shown beside the whole network's. */
  serviceClass: string;
  className(code: string): string;
  baseName: string;
}

/** Scenarios side by side; each figure after the first says its difference, and whether it is better. */
export const ComparisonTable = ({ comparison, serviceClass, className, baseName }: ComparisonTableProps) => {
  const text = usePageMessages(networkMessages).comparison;
  const name = (scenario: ScenarioComparison['scenarios'][number]) =>
    scenario.id === 'base' ? baseName : scenario.name;
  const groups = [null, serviceClass];
  const rows = groups.flatMap((group) => comparison.rows.filter((row) => row.serviceClass === group));
  const networkOf = (scenario: ScenarioComparison['scenarios'][number]) =>
    scenario.travel.network
      ? `${scenario.travel.network.name} ${scenario.travel.network.revision}`
      : text.noRoadNetwork;
  const networks = [...new Set(comparison.scenarios.map(networkOf))];
  return (
    <>
      <SortableTable<ComparisonRow>
        id="network-comparison"
        className="comparison-table"
        caption={text.caption}
        rows={rows}
        rowKey={(row) => `${row.serviceClass}-${row.metric}`}
        groupOf={(row) => ({
          key: row.serviceClass ?? 'total',
          label: row.serviceClass === null ? text.total : className(row.serviceClass),
        })}
        columns={[
          {
            key: 'metric',
            header: text.metric,
            cell: (row) => metricLabel(row, text.metrics),
            rowHeader: true,
          },
          ...comparison.scenarios.map(
            // The same scenario may be compared with itself: columns are keyed by their place.
            (scenario, i): SortableColumn<ComparisonRow> => ({
              key: String(i),
              header: name(scenario),
              numeric: true,
              cell: (row) => <ScenarioFigure row={row} index={i} />,
            }),
          ),
        ]}
      />
      {networks.length > 1 && (
        <p className="hint" id="network-comparison-networks">
          {text.differentNetworks(
            comparison.scenarios.map((scenario) => `${name(scenario)}: ${networkOf(scenario)}`).join(', '),
          )}
        </p>
      )}
    </>
  );
};

/** A scenario's figure and, after the first, its difference from the first and whether it is better. */
const ScenarioFigure = ({ row, index }: { row: ComparisonRow; index: number }) => {
  const text = usePageMessages(networkMessages).comparison;
  const format = useFormats();
  const value = row.values[index];
  const difference = row.differences[index];
  const verdict =
    index > 0 && difference !== null && difference !== undefined ? judgement(row, difference) : null;
  return (
    <>
      {value === null || value === undefined ? '–' : formatValue(row, value, format)}
      {index > 0 && difference !== null && difference !== undefined && (
        <span className={`difference difference--${verdict ?? 'neutral'}`}>
          {' '}
          ({text.difference} {formatDifference(row, difference, { format, points: text.percentPoints })}
          {verdict === 'better' && <>, ▲ {text.better}</>}
          {verdict === 'worse' && <>, ▼ {text.worse}</>}
          {verdict === 'same' && <>, {text.same}</>})
        </span>
      )}
    </>
  );
};
