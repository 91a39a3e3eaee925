import type { ComparisonRow, ScenarioComparison } from '../../../../src/model/index.js';
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

const formatDifference = (row: ComparisonRow, value: number, format: Formats, points: string): string =>
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
  const format = useFormats();
  const name = (scenario: ScenarioComparison['scenarios'][number]) =>
    scenario.id === 'base' ? baseName : scenario.name;
  const groups = [null, serviceClass];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby="network-comparison-caption" tabIndex={0}>
      <table className="data-table comparison-table" id="network-comparison">
        <caption id="network-comparison-caption">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.metric}</th>
            {comparison.scenarios.map((scenario, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same scenario may be compared with itself
              <th scope="col" className="num" key={i}>
                {name(scenario)}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group ?? 'total'}>
            <tr className="group-row">
              <th scope="colgroup" colSpan={comparison.scenarios.length + 1}>
                {group === null ? text.total : className(group)}
              </th>
            </tr>
            {comparison.rows
              .filter((row) => row.serviceClass === group)
              .map((row) => (
                <tr key={`${group}-${row.metric}`}>
                  <th scope="row">{metricLabel(row, text.metrics)}</th>
                  {row.values.map((value, i) => {
                    const difference = row.differences[i];
                    const verdict =
                      i > 0 && difference !== null && difference !== undefined
                        ? judgement(row, difference)
                        : null;
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are the scenarios in order
                      <td className="num" key={i}>
                        {value === null ? '–' : formatValue(row, value, format)}
                        {i > 0 && difference !== null && difference !== undefined && (
                          <span className={`difference difference--${verdict ?? 'neutral'}`}>
                            {' '}
                            ({text.difference} {formatDifference(row, difference, format, text.percentPoints)}
                            {verdict === 'better' && <>, ▲ {text.better}</>}
                            {verdict === 'worse' && <>, ▼ {text.worse}</>}
                            {verdict === 'same' && <>, {text.same}</>})
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </section>
  );
};
