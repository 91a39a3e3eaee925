import { useId } from 'react';
import { Axis } from './Axis.js';
import { ChartLegend, Hatch, type LegendItem } from './ChartLegend.js';
import { axisColour, inkColour, mutedInkColour, referenceColour, seriesColour } from './palette.js';
import { extent, linearScale, niceDomain, tickSpacing, ticks } from './scale.js';

export interface BarValue {
  value: number | null;
  /** Withheld by small-number protection: written as "<5", never drawn as a zero-length bar. */
  suppressed?: boolean;
  low?: number | null;
  high?: number | null;
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series, in the order of `series`. */
  values: readonly BarValue[];
  /** The row the reader is looking at (their own municipality, say) is written in bold. */
  highlight?: boolean;
}

export interface BarChartProps {
  rows: readonly BarRow[];
  /** The series' names for the legend; the second and later series are hatched as well as coloured. */
  series: readonly string[];
  label: string;
  format(value: number): string;
  formatTick?(value: number, step: number): string;
  reference?: { value: number; label: string } | undefined;
  /** The legend's word for the whiskers, when the values carry intervals. */
  intervalLabel?: string;
  /** Written where a withheld value would be. */
  suppressedMark?: string;
  width?: number;
}

const margin = { top: 8, right: 72, bottom: 24, left: 168 };
const barHeight = 14;
const barGap = 3;
const rowGap = 10;

/** Long area names are cut so that they fit the label column; the table beside has them in full. */
const fitLabel = (label: string, max = 24): string =>
  label.length > max ? `${label.slice(0, max - 1)}…` : label;

/**
 * Horizontal bars, one group per row and one bar per series: the shape for comparing areas, with each
 * bar's interval as a whisker and a dashed reference line (the county's value, or 100 for an index).
 */
export const BarChart = ({
  rows,
  series,
  label,
  format,
  formatTick,
  reference,
  intervalLabel,
  suppressedMark = '<5',
  width = 640,
}: BarChartProps) => {
  const titleId = useId();
  const hatchBase = useId();
  const groupHeight = series.length * barHeight + (series.length - 1) * barGap;
  const height = margin.top + margin.bottom + rows.length * (groupHeight + rowGap);
  const found = extent([
    ...rows.flatMap((row) => row.values.flatMap((v) => [v.value, v.high, v.low])),
    reference?.value,
  ]);
  const domain = niceDomain(found ?? [0, 1], { zero: true });
  const tickValues = ticks(domain);
  const step = tickSpacing(tickValues);
  const x = linearScale(domain, [margin.left, width - margin.right]);
  const zero = x(0);
  const hasIntervals = rows.some((row) => row.values.some((v) => v.low != null && v.high != null));
  const legend: LegendItem[] = [
    ...(series.length > 1
      ? series.map((name, i) => ({
          kind: 'bar' as const,
          label: name,
          colour: seriesColour(i),
          hatched: i > 0,
        }))
      : []),
    ...(hasIntervals && intervalLabel ? [{ kind: 'interval' as const, label: intervalLabel }] : []),
    ...(reference ? [{ kind: 'reference' as const, label: reference.label }] : []),
  ];
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} className="chart__svg">
        <title id={titleId}>{label}</title>
        {series.map((name, i) =>
          i > 0 ? <Hatch key={name} id={`${hatchBase}-${i}`} colour={seriesColour(i)} /> : null,
        )}
        <Axis
          orient="bottom"
          ticks={tickValues}
          position={x}
          grid={[margin.top, height - margin.bottom]}
          labelAt={height - margin.bottom + 15}
          label={(tick) => (formatTick ?? format)(tick, step)}
        />
        {rows.map((row, r) => {
          const top = margin.top + r * (groupHeight + rowGap) + rowGap / 2;
          return (
            <g key={row.key}>
              <text
                x={margin.left - 8}
                y={top + groupHeight / 2}
                dy="0.32em"
                textAnchor="end"
                fontSize={12}
                fontWeight={row.highlight ? 700 : 400}
                fill={inkColour}
              >
                {fitLabel(row.label)}
              </text>
              {row.values.map((v, i) => {
                const y = top + i * (barHeight + barGap);
                const key = series[i] ?? String(i);
                if (v.value === null) {
                  return (
                    <text
                      key={key}
                      x={zero + 4}
                      y={y + barHeight / 2}
                      dy="0.32em"
                      fontSize={11}
                      fill={mutedInkColour}
                    >
                      {v.suppressed ? suppressedMark : '–'}
                    </text>
                  );
                }
                const end = x(v.value);
                const fill = i > 0 ? `url(#${hatchBase}-${i})` : seriesColour(i);
                const whiskerEnd = v.high != null ? x(v.high) : end;
                return (
                  <g key={key}>
                    <rect
                      x={Math.min(zero, end)}
                      y={y}
                      width={Math.max(Math.abs(end - zero), 1)}
                      height={barHeight}
                      fill={fill}
                      stroke={seriesColour(i)}
                    />
                    {v.low != null && v.high != null ? (
                      <g stroke={referenceColour} strokeWidth={1.5}>
                        <line x1={x(v.low)} x2={x(v.high)} y1={y + barHeight / 2} y2={y + barHeight / 2} />
                        <line x1={x(v.low)} x2={x(v.low)} y1={y + 2} y2={y + barHeight - 2} />
                        <line x1={x(v.high)} x2={x(v.high)} y1={y + 2} y2={y + barHeight - 2} />
                      </g>
                    ) : null}
                    <text
                      x={Math.max(end, whiskerEnd, zero) + 4}
                      y={y + barHeight / 2}
                      dy="0.32em"
                      fontSize={11}
                      fill={inkColour}
                    >
                      {format(v.value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={zero} x2={zero} y1={margin.top} y2={height - margin.bottom} stroke={axisColour} />
        {reference ? (
          <line
            x1={x(reference.value)}
            x2={x(reference.value)}
            y1={margin.top}
            y2={height - margin.bottom}
            stroke={referenceColour}
            strokeWidth={1.5}
            strokeDasharray="5 4"
          />
        ) : null}
      </svg>
      {legend.length > 0 ? <ChartLegend items={legend} /> : null}
    </figure>
  );
};
