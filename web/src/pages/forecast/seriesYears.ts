import type { ForecastSeries } from '../../../../src/model/index.js';

/** The years the chosen variant covers, recorded and projected, in order; those its pyramids exist for. */
export const seriesYears = (series: ForecastSeries, variant: string): number[] => {
  const line = series.lines.find((candidate) => candidate.variant === variant) ?? series.lines[0];
  return [...new Set(line?.points.map((point) => point.year))].sort((a, b) => a - b);
};
