import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageCount, groupCount } from './age-structure.js';
import { municipalityDefinitions } from './county-definition.js';
import { buildGeography, isValidIn } from './geography.js';
import { allocateToCells, habitableCells } from './grid-allocation.js';
import { simulateHistory } from './population-model.js';

const geography = buildGeography(1, 2015);
const shares = municipalityDefinitions.map((d) => d.residentShare);
const cells = habitableCells(geography);

describe('allocateToCells', () => {
  it('splits every municipality, age and sex over its cells exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 300, max: 30_000 }),
        fc.constantFrom(2023, 2024),
        (seed, residents, year) => {
          const history = simulateHistory(seed, geography, {
            residents: residents,
            firstYear: 2015,
            lastYear: 2025,
            residentShares: shares,
          });
          const grid = allocateToCells(seed, geography, { history, year: year, cells });
          const y = history.years.indexOf(year);
          geography.municipalities.forEach((municipality, m) => {
            const expected = history.counts[m]?.[y];
            const summed = new Int32Array(groupCount);
            grid.municipalityOf.forEach((owner, slot) => {
              if (owner !== m) return;
              for (let g = 0; g < groupCount; g++)
                summed[g] = (summed[g] ?? 0) + (grid.counts[slot * groupCount + g] ?? 0);
            });
            if (!isValidIn(municipality, year)) expect(summed.every((count) => count === 0)).toBe(true);
            else expect([...summed]).toEqual([...(expected ?? [])]);
          });
        },
      ),
      { numRuns: 3 },
    );
  });

  it('houses more young adults per resident in town cells than in the countryside', () => {
    const history = simulateHistory(1, geography, {
      residents: 50_000,
      firstYear: 2015,
      lastYear: 2025,
      residentShares: shares,
    });
    const grid = allocateToCells(1, geography, { history, year: 2025, cells });
    const share = (urban: boolean) => {
      let young = 0;
      let all = 0;
      grid.cells.forEach((cell, slot) => {
        if ((geography.settlement.urbanity[cell] ?? 0) > 0.6 !== urban) return;
        for (let g = 0; g < groupCount; g++) {
          const count = grid.counts[slot * groupCount + g] ?? 0;
          all += count;
          const age = g % ageCount;
          if (age >= 20 && age < 35) young += count;
        }
      });
      return young / all;
    };
    expect(share(true)).toBeGreaterThan(share(false) * 1.3);
  });
});
