import { ChartLegend, type LegendItem } from '../../charts/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { lineStyles } from './lineStyles.js';
import type { ChartLine } from './lines.js';
import { forecastMessages } from './messages.js';

/** One legend for all the small charts: each kind of line, and the mark of the chosen year. */
export const LineLegend = ({ lines }: { lines: readonly Pick<ChartLine, 'key' | 'kind' | 'label'>[] }) => {
  const messages = usePageMessages(forecastMessages);
  const kinds = { estimated: messages.controls.kinds.own, official: messages.controls.kinds.official };
  const items: LegendItem[] = [
    ...lines.map((line): LegendItem => {
      const style = lineStyles[line.kind];
      const label = line.kind === 'history' ? line.label : `${line.label} (${kinds[line.kind]})`;
      return { kind: 'line', label, colour: style.colour, dash: style.dash };
    }),
    { kind: 'reference', label: messages.lines.selectedYear },
  ];
  return (
    <div className="lines-legend">
      <h3>{messages.lines.legend}</h3>
      <ChartLegend items={items} />
    </div>
  );
};
