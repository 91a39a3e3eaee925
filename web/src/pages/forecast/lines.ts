import type { ForecastSeries, ForecastSeriesPoint } from '../../../../src/model/index.js';

/** Recorded history, or one variant's projection (which starts from the last recorded year). */
export type LineKind = 'history' | 'estimated' | 'official';

export interface YearValue {
  year: number;
  value: number | null;
  suppressed: boolean;
}

export interface ChartLine {
  key: string;
  kind: LineKind;
  label: string;
  points: YearValue[];
}

/** The lines of one age group (or of the whole population, code "total"). */
export interface GroupChart {
  code: string;
  lines: ChartLine[];
}

export const totalCode = 'total';

const figureAt = (point: ForecastSeriesPoint, code: string): YearValue => {
  const value = code === totalCode ? point.total : (point.ageGroups[code] ?? null);
  return { year: point.year, value, suppressed: value === null && point.suppressed };
};

/**
 * One chart per group. The recorded years are drawn once, as history; every variant's projection
 * continues from the last recorded year, so that the lines join and the eye sees where projection begins.
 */
export const groupCharts = (series: ForecastSeries, historyLabel: string): GroupChart[] => {
  const codes = [totalCode, ...series.ageGroups.map((group) => group.code)];
  const recordedSource = series.lines.find((line) => line.kind === 'estimated') ?? series.lines[0];
  const recorded = (recordedSource?.points ?? []).filter((point) => point.observed);
  const lastRecorded = recorded[recorded.length - 1];
  return codes.map((code) => {
    const lines: ChartLine[] = [];
    if (recorded.length > 0) {
      lines.push({
        key: 'history',
        kind: 'history',
        label: historyLabel,
        points: recorded.map((point) => figureAt(point, code)),
      });
    }
    for (const line of series.lines) {
      const projected = line.points.filter((point) => !point.observed);
      if (projected.length === 0) continue;
      const start = lastRecorded && lastRecorded.year < (projected[0]?.year ?? 0) ? [lastRecorded] : [];
      lines.push({
        key: line.variant,
        kind: line.kind,
        label: line.label,
        points: [...start, ...projected].map((point) => figureAt(point, code)),
      });
    }
    return { code, lines };
  });
};

/** Every year any line has, in order: the rows of the text alternative. */
export const yearsOf = (charts: readonly GroupChart[]): number[] => {
  const years = new Set<number>();
  for (const chart of charts)
    for (const line of chart.lines) for (const point of line.points) years.add(point.year);
  return [...years].sort((a, b) => a - b);
};
