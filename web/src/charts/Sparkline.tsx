import { bandFill, referenceColour, seriesColour } from './palette.js';
import { bandPath, extent, linearScale, linePath } from './scale.js';

export interface SparklineProps {
  values: readonly (number | null)[];
  /** The uncertainty interval at each point, drawn as a pale band under the line. */
  low?: readonly (number | null)[];
  high?: readonly (number | null)[];
  /** Drawn as a dashed level line. */
  target?: number | null;
  /** What the sparkline shows, in words: it is read out instead of the picture. */
  label: string;
  width?: number;
  height?: number;
}

/** A word-sized trend line: the shape of the recent past at a glance, with the target and the interval. */
export const Sparkline = ({ values, low, high, target, label, width = 120, height = 36 }: SparklineProps) => {
  const pad = 3;
  const domain = extent([...values, ...(low ?? []), ...(high ?? []), target ?? null]);
  const x = linearScale(values.length === 1 ? [-1, 1] : [0, values.length - 1], [pad, width - pad]);
  const y = linearScale(domain ?? [0, 1], [height - pad, pad]);
  const line = linePath(values.map((value, i) => (value === null ? null : { x: x(i), y: y(value) })));
  const band =
    low && high
      ? bandPath(
          values.map((_, i) => {
            const l = low[i];
            const h = high[i];
            return l === null || l === undefined || h === null || h === undefined
              ? null
              : { x: x(i), low: y(l), high: y(h) };
          }),
        )
      : '';
  const lastIndex = values.findLastIndex((value) => value !== null);
  const last = values[lastIndex];
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      {band ? <path d={band} fill={bandFill} /> : null}
      {target !== null && target !== undefined && domain ? (
        <line
          x1={pad}
          x2={width - pad}
          y1={y(target)}
          y2={y(target)}
          stroke={referenceColour}
          strokeWidth={1}
          strokeDasharray="3 2"
        />
      ) : null}
      <path d={line} fill="none" stroke={seriesColour(0)} strokeWidth={2} strokeLinejoin="round" />
      {last !== null && last !== undefined ? (
        <circle cx={x(lastIndex)} cy={y(last)} r={3} fill={seriesColour(0)} />
      ) : null}
    </svg>
  );
};
