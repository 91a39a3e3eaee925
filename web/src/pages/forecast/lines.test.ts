import { describe, expect, it } from 'vitest';
import type { ForecastSeries, ForecastSeriesPoint } from '../../../../src/model/index.js';
import { groupCharts, yearsOf } from './lines.js';

const point = (
  year: number,
  observed: boolean,
  total: number | null,
  young: number | null,
): ForecastSeriesPoint => ({
  year,
  observed,
  total,
  ageGroups: { '0-14': young },
  suppressed: total === null || young === null,
});

const series: ForecastSeries = {
  areaLevel: 'municipality',
  areaCode: '001',
  baseYear: 2025,
  ageGroups: [{ code: '0-14', ageFrom: 0, ageTo: 14 }],
  lines: [
    {
      variant: 'base',
      label: 'Base',
      kind: 'estimated',
      points: [
        point(2024, true, 100, 20),
        point(2025, true, 110, null),
        point(2026, false, 120, 22),
        point(2027, false, 130, 23),
      ],
    },
    {
      variant: 'statfin-2024',
      label: 'Statistics Finland 2024',
      kind: 'official',
      points: [point(2026, false, 118, 21), point(2027, false, 125, 20)],
    },
  ],
};

describe('groupCharts', () => {
  const charts = groupCharts(series, 'Recorded');

  it('has the total first and then each age group', () => {
    expect(charts.map((chart) => chart.code)).toEqual(['total', '0-14']);
  });

  it('draws the recorded years once, and each projection from the last recorded year on', () => {
    const total = charts[0];
    expect(total?.lines.map((line) => [line.kind, line.points.map((p) => [p.year, p.value])])).toEqual([
      [
        'history',
        [
          [2024, 100],
          [2025, 110],
        ],
      ],
      [
        'estimated',
        [
          [2025, 110],
          [2026, 120],
          [2027, 130],
        ],
      ],
      [
        'official',
        [
          [2025, 110],
          [2026, 118],
          [2027, 125],
        ],
      ],
    ]);
  });

  it('keeps a withheld figure withheld, not zero', () => {
    const young = charts[1]?.lines[0]?.points[1];
    expect(young).toEqual({ year: 2025, value: null, suppressed: true });
  });

  it('lists every year once, in order', () => {
    expect(yearsOf(charts)).toEqual([2024, 2025, 2026, 2027]);
  });
});
