import type { ReactNode } from 'react';
import { gridColour, mutedInkColour } from './palette.js';

export interface AxisProps {
  /** Labels below a horizontal axis (positions are x), or left of a vertical one (positions are y). */
  orient: 'bottom' | 'left';
  ticks: readonly number[];
  /** A value's place along the axis, in the chart's SVG units. */
  position(value: number): number;
  /** Where the labels stand across the axis: a y for a bottom axis, an x for a left one. */
  labelAt: number;
  label(value: number): ReactNode;
  /** The span of the grid lines across the plot; without it the axis has labels only. */
  grid?: readonly [number, number];
  /**
   * A chart styled by its own stylesheet names its ticks' groups; without a class the charts' palette
   * colours the grid and the labels.
   */
  className?: string;
}

/** Ticks of a value axis: a grid line across the plot and a label for each, the same in every chart. */
export const Axis = ({ orient, ticks, position, labelAt, label, grid, className }: AxisProps) => {
  const lineStyle = className === undefined ? { stroke: gridColour } : {};
  const textStyle = className === undefined ? { fontSize: 11, fill: mutedInkColour } : {};
  return (
    <>
      {ticks.map((tick) => {
        const at = position(tick);
        return orient === 'bottom' ? (
          <g key={tick} className={className}>
            {grid ? <line x1={at} x2={at} y1={grid[0]} y2={grid[1]} {...lineStyle} /> : null}
            <text x={at} y={labelAt} textAnchor="middle" {...textStyle}>
              {label(tick)}
            </text>
          </g>
        ) : (
          <g key={tick} className={className}>
            {grid ? <line x1={grid[0]} x2={grid[1]} y1={at} y2={at} {...lineStyle} /> : null}
            <text x={labelAt} y={at} dy="0.32em" textAnchor="end" {...textStyle}>
              {label(tick)}
            </text>
          </g>
        );
      })}
    </>
  );
};
