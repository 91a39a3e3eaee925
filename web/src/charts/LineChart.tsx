import { useId } from 'react';
import { Axis } from './Axis.js';
import { ChartLegend, type LegendItem } from './ChartLegend.js';
import {
  axisColour,
  bandFill,
  mutedInkColour,
  referenceColour,
  seriesColour,
  seriesDash,
} from './palette.js';
import { bandPath, extent, linearScale, linePath, niceDomain, tickSpacing, ticks } from './scale.js';

export interface LinePoint {
  /** The point's label on the x axis (a period such as "2024" or "2024-03"). */
  x: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
}

export interface LineSeries {
  id: string;
  label: string;
  points: readonly LinePoint[];
}

export interface LineChartProps {
  series: readonly LineSeries[];
  /** Read out instead of the picture; the data themselves are in the table beside the chart. */
  label: string;
  format(value: number): string;
  /** Labels for the axis ticks; by default `format`. */
  formatTick?(value: number, step: number): string;
  target?: { value: number; label: string } | undefined;
  /** The legend's word for the pale band of the first series. */
  bandLabel?: string;
  width?: number;
  height?: number;
}

const margin = { top: 12, right: 16, bottom: 28, left: 64 };

/** Keeps the x labels from running into each other: at most about eight are written. */
const labelEvery = (count: number): number => Math.max(1, Math.ceil(count / 8));

/**
 * Values over time: one line per series (each with its own colour and dash), the first series' uncertainty
 * band, and a dashed target level. Missing values break the line.
 */
export const LineChart = ({
  series,
  label,
  format,
  formatTick,
  target,
  bandLabel,
  width = 640,
  height = 260,
}: LineChartProps) => {
  const titleId = useId();
  const xs = [...new Set(series.flatMap((s) => s.points.map((point) => point.x)))];
  const index = new Map(xs.map((value, i) => [value, i]));
  const all = series.flatMap((s) => s.points.flatMap((point) => [point.value, point.low, point.high]));
  const found = extent([...all, target?.value]);
  const domain = niceDomain(found ?? [0, 1]);
  const tickValues = ticks(domain);
  const step = tickSpacing(tickValues);
  // A single period sits in the middle rather than against the axis.
  const x = linearScale(xs.length === 1 ? [-1, 1] : [0, xs.length - 1], [margin.left, width - margin.right]);
  const y = linearScale(domain, [height - margin.bottom, margin.top]);
  const atX = (point: LinePoint) => x(index.get(point.x) ?? 0);
  const first = series[0];
  const band =
    first && bandLabel
      ? bandPath(
          first.points.map((point) =>
            point.low === null || point.low === undefined || point.high === null || point.high === undefined
              ? null
              : { x: atX(point), low: y(point.low), high: y(point.high) },
          ),
        )
      : '';
  const every = labelEvery(xs.length);
  const legend: LegendItem[] = [
    ...series.map((s, i) => ({
      kind: 'line' as const,
      label: s.label,
      colour: seriesColour(i),
      dash: seriesDash(i),
    })),
    ...(band && bandLabel ? [{ kind: 'band' as const, label: bandLabel }] : []),
    ...(target ? [{ kind: 'reference' as const, label: target.label }] : []),
  ];
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} className="chart__svg">
        <title id={titleId}>{label}</title>
        <Axis
          orient="left"
          ticks={tickValues}
          position={y}
          grid={[margin.left, width - margin.right]}
          labelAt={margin.left - 6}
          label={(tick) => (formatTick ?? format)(tick, step)}
        />
        <line
          x1={margin.left}
          x2={width - margin.right}
          y1={height - margin.bottom}
          y2={height - margin.bottom}
          stroke={axisColour}
        />
        {xs.map((value, i) =>
          i % every === 0 || i === xs.length - 1 ? (
            <text
              key={value}
              x={x(i)}
              y={height - margin.bottom + 16}
              textAnchor="middle"
              fontSize={11}
              fill={mutedInkColour}
            >
              {value}
            </text>
          ) : null,
        )}
        {band ? <path d={band} fill={bandFill} /> : null}
        {target ? (
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(target.value)}
            y2={y(target.value)}
            stroke={referenceColour}
            strokeWidth={1.5}
            strokeDasharray="5 4"
          />
        ) : null}
        {series.map((s, i) => (
          <g key={s.id}>
            <path
              d={linePath(
                s.points.map((point) => (point.value === null ? null : { x: atX(point), y: y(point.value) })),
              )}
              fill="none"
              stroke={seriesColour(i)}
              strokeWidth={2.5}
              strokeDasharray={seriesDash(i)}
              strokeLinejoin="round"
            />
            {s.points.map((point) =>
              point.value === null ? null : (
                <circle key={point.x} cx={atX(point)} cy={y(point.value)} r={2.5} fill={seriesColour(i)} />
              ),
            )}
          </g>
        ))}
      </svg>
      {legend.length > 1 || bandLabel ? <ChartLegend items={legend} /> : null}
    </figure>
  );
};
