import { Axis, extent, linearScale, niceDomain, ticks } from '../../charts/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { linePath } from './linePath.js';
import { lineStyles, yearMarkStyle } from './lineStyles.js';
import type { GroupChart } from './lines.js';

interface GroupLineChartProps {
  chart: GroupChart;
  title: string;
  /** Read out instead of the picture; the figures are in the table that goes with the charts. */
  label: string;
  years: readonly [number, number];
  year: number;
}

const width = 320;
const height = 180;
const margin = { top: 10, right: 14, bottom: 26, left: 58 };

/** One age group's population by year: the recorded history and each variant's projection. */
export const GroupLineChart = ({ chart, title, label, years, year }: GroupLineChartProps) => {
  const { number } = useI18n();
  const domain = niceDomain(
    extent(chart.lines.flatMap((line) => line.points.map((point) => point.value))) ?? [0, 1],
    {
      count: 3,
    },
  );
  const valueTicks = ticks(domain, 3);
  const x = linearScale(years, [margin.left, width - margin.right]);
  const y = linearScale(domain, [height - margin.bottom, margin.top]);
  const yearTicks = ticks(years, 3).filter(Number.isInteger);
  return (
    <figure className="group-chart">
      <figcaption className="group-chart__title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <Axis
          orient="left"
          ticks={valueTicks}
          position={y}
          grid={[margin.left, width - margin.right]}
          labelAt={margin.left - 6}
          label={number}
          className="chart-grid"
        />
        <Axis
          orient="bottom"
          ticks={yearTicks}
          position={x}
          labelAt={height - 8}
          label={String}
          className="chart-tick"
        />
        <line
          className="chart-year"
          x1={x(year)}
          x2={x(year)}
          y1={margin.top}
          y2={height - margin.bottom}
          stroke={yearMarkStyle.colour}
          strokeWidth={yearMarkStyle.width}
          strokeDasharray={yearMarkStyle.dash}
        />
        {chart.lines.map((line) => {
          const style = lineStyles[line.kind];
          return (
            <path
              key={line.key}
              className={`chart-line chart-line--${line.kind}`}
              d={linePath(
                line.points.map((point) =>
                  point.value === null ? null : { x: x(point.year), y: y(point.value) },
                ),
              )}
              fill="none"
              stroke={style.colour}
              strokeWidth={2.5}
              strokeDasharray={style.dash}
            />
          );
        })}
      </svg>
    </figure>
  );
};
