import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distributionByGroup,
  equitySummary,
  giniOfTimes,
  palmaOfTimes,
  residentsBeyond,
} from './measures.js';

const rows = (pairs: [number, number][]) => pairs.map(([minutes, residents]) => ({ minutes, residents }));

describe('Gini of travel time', () => {
  it('matches hand-computed values', () => {
    // |1 − 3| over pairs: 2·1·1·2 = 4; W = 2, mean 2: 4 / (2 · 2² · 2) = 0.25.
    expect(
      giniOfTimes(
        rows([
          [1, 1],
          [3, 1],
        ]),
      ),
    ).toBeCloseTo(0.25, 12);
    // 3 residents at 0 min, 1 at 10: 2·3·1·10 = 60; W = 4, mean 2.5: 60 / (2 · 16 · 2.5) = 0.75.
    expect(
      giniOfTimes(
        rows([
          [10, 1],
          [0, 3],
        ]),
      ),
    ).toBeCloseTo(0.75, 12);
    expect(
      giniOfTimes(
        rows([
          [7, 5],
          [7, 2],
        ]),
      ),
    ).toBe(0);
    // The unreachable are left out of the index (counted beyond every limit instead).
    expect(
      giniOfTimes(
        rows([
          [1, 1],
          [3, 1],
          [Number.POSITIVE_INFINITY, 9],
        ]),
      ),
    ).toBeCloseTo(0.25, 12);
    expect(giniOfTimes(rows([[0, 3]]))).toBeNull();
    expect(giniOfTimes([])).toBeNull();
  });

  it('equals the pairwise definition on any population', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (pairs) => {
          const total = pairs.reduce((s, [, w]) => s + w, 0);
          const mean = pairs.reduce((s, [x, w]) => s + x * w, 0) / total;
          let sum = 0;
          for (const [xi, wi] of pairs) for (const [xj, wj] of pairs) sum += wi * wj * Math.abs(xi - xj);
          const expected = mean > 0 ? sum / (2 * total * total * mean) : null;
          const got = giniOfTimes(rows(pairs));
          if (expected === null) expect(got).toBeNull();
          else expect(got).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});

describe('Palma of travel time', () => {
  it('matches hand-computed values', () => {
    // Times 1…10, one resident each: the longest 10 % bear 10 min, the shortest 40 % 1+2+3+4 = 10.
    expect(palmaOfTimes(rows(Array.from({ length: 10 }, (_, i) => [i + 1, 1] as [number, number])))).toBe(1);
    // 5 at 1 min and 5 at 10 min: the shortest 40 % are 4 residents at 1 (4), the longest 10 % one at 10.
    expect(
      palmaOfTimes(
        rows([
          [10, 5],
          [1, 5],
        ]),
      ),
    ).toBeCloseTo(2.5, 12);
    expect(
      palmaOfTimes(
        rows([
          [0, 5],
          [10, 5],
        ]),
      ),
    ).toBeNull();
  });
});

describe('residents beyond a limit and the distribution by group', () => {
  it('counts the unreachable beyond every limit', () => {
    expect(
      residentsBeyond(
        rows([
          [5, 2],
          [31, 3],
          [Number.POSITIVE_INFINITY, 1],
          [30, 7],
        ]),
        30,
      ),
    ).toBe(4);
  });

  it('gives each group its residents, mean, median, 90th percentile, beyond and unreachable', () => {
    const groups = distributionByGroup(
      [
        { group: 'a', minutes: 10, residents: 1 },
        { group: 'b', minutes: Number.POSITIVE_INFINITY, residents: 2 },
        { group: 'a', minutes: 20, residents: 3 },
        { group: 'b', minutes: 40, residents: 2 },
      ],
      30,
    );
    expect(groups).toEqual([
      { group: 'a', residents: 4, mean: 17.5, median: 20, p90: 20, beyondLimit: 0, unreachable: 0 },
      { group: 'b', residents: 4, mean: 40, median: 40, p90: 40, beyondLimit: 4, unreachable: 2 },
    ]);
  });

  it('sums a scenario over every grouping given', () => {
    const summary = equitySummary(
      [
        { minutes: 1, residents: 1, groups: { ageGroup: '0-14', municipality: '091' } },
        { minutes: 3, residents: 1, groups: { ageGroup: '75+', municipality: '091' } },
      ],
      2,
    );
    expect(summary.gini).toBeCloseTo(0.25, 12);
    expect(summary.beyondLimit).toBe(1);
    expect(summary.byGroup.ageGroup?.map((g) => [g.group, g.mean])).toEqual([
      ['0-14', 1],
      ['75+', 3],
    ]);
    expect(summary.byGroup.municipality?.map((g) => [g.group, g.residents])).toEqual([['091', 2]]);
  });
});
