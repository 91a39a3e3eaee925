import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryDecay,
  floatingCatchment,
  gaussianDecay,
  modeFigures,
  nearestUnits,
  sharesWithin,
  stepDecay,
  straightLineMinutes,
  straightLineTravelTimes,
  summariseTimes,
  weightedQuantile,
} from './index.js';

describe('straight-line travel times', () => {
  it('adds the fixed minutes to the detoured distance at the speed', async () => {
    // 10 km × 1.3 = 13 km at 60 km/h = 13 min, + 2 min.
    expect(straightLineMinutes(10_000)).toBeCloseTo(15, 10);
    const times = await straightLineTravelTimes({ detourFactor: 1, speedKmh: 60, fixedMinutes: 0 })(
      [
        { x: 0, y: 0 },
        { x: 3000, y: 4000 },
      ],
      [{ x: 0, y: 0 }],
    );
    expect(Array.from(times)).toEqual([0, 5]);
  });
});

describe('nearest units', () => {
  it('finds each cell its nearest unit, ties to the first listed', () => {
    const columns = [
      [5, 10, 7, Number.POSITIVE_INFINITY],
      [6, 3, 7, Number.POSITIVE_INFINITY],
    ];
    const nearest = nearestUnits(columns, 4);
    expect(Array.from(nearest.unit)).toEqual([0, 1, 0, -1]);
    expect(Array.from(nearest.minutes)).toEqual([5, 3, 7, Number.POSITIVE_INFINITY]);
  });
});

describe('population-weighted summaries', () => {
  it('computes mean, median and 90th percentile of residents by hand', () => {
    // Residents: 10 at 5 min, 30 at 10 min, 60 at 30 min → mean (50+300+1800)/100 = 21.5.
    const minutes = [30, 5, 10];
    const weights = [60, 10, 30];
    const summary = summariseTimes(minutes, weights);
    expect(summary.mean).toBeCloseTo(21.5, 10);
    expect(summary.median).toBe(30); // 40 within 10 min < 50
    expect(summary.p90).toBe(30);
    expect(weightedQuantile(minutes, weights, 0.4)).toBe(10);
    expect(sharesWithin(minutes, weights, [10, 20, 30])).toEqual([0.4, 0.4, 1]);
  });

  it('leaves unreachable residents out of the mean but counts them in shares', () => {
    const summary = summariseTimes([4, Number.POSITIVE_INFINITY], [3, 1]);
    expect(summary).toMatchObject({ population: 3, unreachable: 1, mean: 4, median: 4 });
    expect(sharesWithin([4, Number.POSITIVE_INFINITY], [3, 1], [10])).toEqual([0.75]);
  });

  it('gives quantiles that split the residents as promised', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 50 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (cells, q) => {
          const minutes = cells.map(([t]) => t);
          const weights = cells.map(([, w]) => w);
          const total = weights.reduce((a, b) => a + b, 0);
          const t = weightedQuantile(minutes, weights, q) as number;
          const atMost = cells.filter(([m]) => m <= t).reduce((a, [, w]) => a + w, 0);
          const below = cells.filter(([m]) => m < t).reduce((a, [, w]) => a + w, 0);
          expect(atMost).toBeGreaterThanOrEqual(q * total - 1e-6);
          expect(below).toBeLessThan(q * total + 1e-6);
        },
      ),
    );
  });
});

describe('floating catchments', () => {
  it('computes 2SFCA by hand', () => {
    // Unit A (supply 10) reaches cells 0 and 1 (100 and 100 residents); unit B (supply 6) reaches cell 1.
    const columns = [
      [5, 15, 40],
      [50, 10, 25],
    ];
    const result = floatingCatchment(columns, {
      supply: [10, 6],
      population: [100, 100, 50],
      weight: binaryDecay(20),
    });
    expect(result.unitRatio).toEqual([10 / 200, 6 / 100]);
    expect(Array.from(result.cellRatio)).toEqual([0.05, 0.05 + 0.06, 0]);
  });

  it('weights by the stepwise and Gaussian decays', () => {
    const step = stepDecay([
      { upTo: 10, weight: 1 },
      { upTo: 20, weight: 0.68 },
      { upTo: 30, weight: 0.22 },
    ]);
    expect([step(0), step(10), step(15), step(30), step(31)]).toEqual([1, 1, 0.68, 0.22, 0]);
    const gauss = gaussianDecay(30);
    expect(gauss(0)).toBeCloseTo(1, 12);
    expect(gauss(30)).toBeCloseTo(0, 12);
    expect(gauss(31)).toBe(0);
    // Unit of supply 10, cells at 5 and 15 minutes with 100 residents each: 10 / (100 + 68).
    const result = floatingCatchment([[5, 15]], { supply: [10], population: [100, 100], weight: step });
    expect(result.unitRatio[0]).toBeCloseTo(10 / 168, 12);
    expect(result.cellRatio[1]).toBeCloseTo((0.68 * 10) / 168, 12);
  });

  it('hands out exactly the supply of units that reach somebody', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 60 })),
        fc.boolean(),
        (cellCount, unitCount, stream, gaussian) => {
          const it = stream[Symbol.iterator]();
          const next = () => it.next().value as number;
          const columns = Array.from({ length: unitCount }, () => Array.from({ length: cellCount }, next));
          const population = Array.from({ length: cellCount }, () => next() + 1);
          const supply = Array.from({ length: unitCount }, () => next());
          const { unitRatio, cellRatio } = floatingCatchment(columns, {
            supply,
            population,
            weight: gaussian ? gaussianDecay(30) : binaryDecay(30),
          });
          const handedOut = population.reduce((sum, p, c) => sum + p * (cellRatio[c] as number), 0);
          const reachable = supply.reduce((sum, s, u) => sum + (unitRatio[u] === null ? 0 : s), 0);
          expect(handedOut).toBeCloseTo(reachable, 6);
        },
      ),
    );
  });
});

describe('the figures of a travel mode', () => {
  it('counts residents no unit reaches as beyond every time, in shares and in the median', () => {
    const minutes = [5, 20, Number.POSITIVE_INFINITY, 40];
    const residents = [10, 30, 40, 20];
    const figures = modeFigures(minutes, residents, [15, 30, 45]);
    expect(figures.within.map((w) => w.share)).toEqual([0.1, 0.4, 0.6]);
    expect(figures.unreachableShare).toBeCloseTo(0.4, 12);
    // Half of the 100 residents: 10 within 5 min, 30 more within 20, 20 more within 40 → the median is 40.
    expect(figures.medianMinutes).toBe(40);
    // With half or more unreachable there is no median.
    expect(modeFigures(minutes, [10, 10, 60, 20], [15]).medianMinutes).toBeNull();
    expect(modeFigures([], [], [15])).toEqual({
      within: [{ minutes: 15, share: null }],
      medianMinutes: null,
      unreachableShare: null,
    });
  });
});
