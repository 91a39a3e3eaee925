import { useId } from 'react';
import { Axis } from './Axis.js';
import { ChartLegend, type LegendItem } from './ChartLegend.js';
import { axisColour, inkColour, mutedInkColour, referenceColour, seriesColour } from './palette.js';
import { extent, linearScale, niceDomain, tickSpacing, ticks } from './scale.js';

export interface DotRow {
  key: string;
  label: string;
  value: number | null;
  suppressed?: boolean;
  low?: number | null;
  high?: number | null;
  highlight?: boolean;
}

export interface DotChartProps {
  rows: readonly DotRow[];
  label: string;
  format(value: number): string;
  formatTick?(value: number, step: number): string;
  reference?: { value: number; label: string } | undefined;
  valueLabel: string;
  intervalLabel: string;
  suppressedMark?: string;
  width?: number;
  /** Each area's row; a printed page fits more rows at a smaller height. */
  rowHeight?: number;
}

const margin = { top: 8, right: 24, bottom: 24, left: 168 };

const fitLabel = (label: string, max = 24): string =>
  label.length > max ? `${label.slice(0, max - 1)}…` : label;

/**
 * A dot per area with its uncertainty interval as a line: when the intervals of two areas overlap, the
 * difference between them may be noise. The axis is not forced to zero, so that intervals stay readable.
 */
export const DotChart = ({
  rows,
  label,
  format,
  formatTick,
  reference,
  valueLabel,
  intervalLabel,
  suppressedMark = '<5',
  width = 640,
  rowHeight = 22,
}: DotChartProps) => {
  const titleId = useId();
  const height = margin.top + margin.bottom + rows.length * rowHeight;
  const found = extent([...rows.flatMap((row) => [row.value, row.low, row.high]), reference?.value]);
  const domain = niceDomain(found ?? [0, 1]);
  const tickValues = ticks(domain);
  const step = tickSpacing(tickValues);
  const x = linearScale(domain, [margin.left, width - margin.right]);
  const legend: LegendItem[] = [
    { kind: 'dot', label: valueLabel, colour: seriesColour(0) },
    { kind: 'interval', label: intervalLabel },
    ...(reference ? [{ kind: 'reference' as const, label: reference.label }] : []),
  ];
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} className="chart__svg">
        <title id={titleId}>{label}</title>
        <Axis
          orient="bottom"
          ticks={tickValues}
          position={x}
          grid={[margin.top, height - margin.bottom]}
          labelAt={height - margin.bottom + 15}
          label={(tick) => (formatTick ?? format)(tick, step)}
        />
        <line
          x1={margin.left}
          x2={width - margin.right}
          y1={height - margin.bottom}
          y2={height - margin.bottom}
          stroke={axisColour}
        />
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
        {rows.map((row, r) => {
          const cy = margin.top + r * rowHeight + rowHeight / 2;
          return (
            <g key={row.key}>
              <text
                x={margin.left - 8}
                y={cy}
                dy="0.32em"
                textAnchor="end"
                fontSize={12}
                fontWeight={row.highlight ? 700 : 400}
                fill={inkColour}
              >
                {fitLabel(row.label)}
              </text>
              {row.value === null ? (
                <text x={margin.left + 4} y={cy} dy="0.32em" fontSize={11} fill={mutedInkColour}>
                  {row.suppressed ? suppressedMark : '–'}
                </text>
              ) : (
                <>
                  {row.low != null && row.high != null ? (
                    <g stroke={referenceColour} strokeWidth={1.5}>
                      <line x1={x(row.low)} x2={x(row.high)} y1={cy} y2={cy} />
                      <line x1={x(row.low)} x2={x(row.low)} y1={cy - 5} y2={cy + 5} />
                      <line x1={x(row.high)} x2={x(row.high)} y1={cy - 5} y2={cy + 5} />
                    </g>
                  ) : null}
                  <circle
                    cx={x(row.value)}
                    cy={cy}
                    r={5}
                    fill={seriesColour(0)}
                    stroke="#ffffff"
                    strokeWidth={1.5}
                  >
                    <title>{format(row.value)}</title>
                  </circle>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <ChartLegend items={legend} />
    </figure>
  );
};
