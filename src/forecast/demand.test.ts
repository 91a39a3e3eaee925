import { describe, expect, it } from 'vitest';
import { estimateUse, projectDemand } from './demand.js';
import { groupCount } from './layout.js';

describe('demand', () => {
  // Two areas; men aged 80 only. Area 0 has 100 and used 50 visits, area 1 has 100 and used 150: the
  // county's rate is 1 visit a man, area 0 uses half of it, area 1 one and a half.
  const population = new Float64Array(2 * groupCount);
  population[80] = 100;
  population[groupCount + 80] = 100;
  const volume = new Float64Array(2 * 2 * groupCount);
  volume[80] = 50;
  volume[groupCount + 80] = 150;
  volume[2 * groupCount + 80] = 10;
  const use = estimateUse({ year: 2025, classes: ['HMC', 'ELD'], population, volume });

  it('estimates rates by age band and each area’s own level', () => {
    expect(use.rates[16]).toBeCloseTo(1, 10);
    expect(use.areaFactors[0]).toBeCloseTo(0.5, 10);
    expect(use.areaFactors[1]).toBeCloseTo(1.5, 10);
  });

  it('reproduces the base year and follows the population', () => {
    const base = projectDemand(use, population, {
      year: 2025,
      assumptions: { needTrend: {}, shifts: [] },
      shiftYear: 2045,
    });
    expect(base[0]).toBeCloseTo(50, 9);
    expect(base[1]).toBeCloseTo(150, 9);
    expect(base[2]).toBeCloseTo(10, 9);
    const doubled = population.map((v) => v * 2);
    expect(
      projectDemand(use, doubled, {
        year: 2030,
        assumptions: { needTrend: {}, shifts: [] },
        shiftYear: 2045,
      })[1],
    ).toBeCloseTo(300, 9);
  });

  it('compounds the need trend and phases a policy shift in', () => {
    const trend = projectDemand(use, population, {
      year: 2027,
      assumptions: { needTrend: { HMC: 0.1 }, shifts: [] },
      shiftYear: 2045,
    });
    expect(trend[0]).toBeCloseTo(50 * 1.21, 9);
    // Half of 24-hour care moves to home care by 2045, 4 visits per care day: a quarter by 2035.
    const shifted = projectDemand(use, population, {
      year: 2035,
      assumptions: { needTrend: {}, shifts: [{ fromClass: 'ELD', toClass: 'HMC', share: 0.5, ratio: 4 }] },
      shiftYear: 2045,
    });
    expect(shifted[2]).toBeCloseTo(7.5, 9);
    expect(shifted[0]).toBeCloseTo(50 + 2.5 * 4, 9);
  });
});
