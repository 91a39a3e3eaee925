import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populationAgeGroups } from '../../model/index.js';
import { openStore, type Store } from '../../store/index.js';
import { type ClassDemand, cellDemand } from './context-data.js';
import {
  cellResidentsByAgeGroup,
  cellsFromGridFigures,
  type GridCellFigures,
  oldestAge,
} from './grid-age-groups.js';
import { loadNetworkData } from './load.js';

/** A municipality's residents by single year of age: 20 aged 3, 20 aged 10, 10 aged 16, 30 aged 40, 10 aged 70, 6 aged 80, 4 aged 90. */
const municipality = (() => {
  const ages = new Float64Array(oldestAge + 1);
  for (const [age, n] of [
    [3, 20],
    [10, 20],
    [16, 10],
    [40, 30],
    [70, 10],
    [80, 6],
    [90, 4],
  ] as const)
    ages[age] = n;
  return ages;
})();

const gridCell = (
  total: number | null,
  young: number | null,
  working: number | null,
  old: number | null,
): GridCellFigures => ({
  total,
  groups: [
    { ageFrom: 0, ageTo: 14, count: young },
    { ageFrom: 15, ageTo: 64, count: working },
    { ageFrom: 65, ageTo: null, count: old },
  ],
});

// populationAgeGroups: 0–6, 7–17, 18–64, 65–74, 75–84, 85+.
const groups = (out: Float64Array) => Array.from(out, (n) => Math.round(n * 1e9) / 1e9);

describe("the 1 km grid's age groups as the network's", () => {
  it('spreads each grid group over its ages as the municipality is spread, by hand', () => {
    expect(populationAgeGroups.map((g) => g.code)).toEqual(['0-6', '7-17', '18-64', '65-74', '75-84', '85+']);
    // 0–14: 20 → 10 aged 3, 10 aged 10. 15–64: 50 → 12.5 aged 16 (a 7–17), 37.5 aged 40.
    // 65+: 30 → 15 aged 70, 9 aged 80, 6 aged 90.
    expect(groups(cellResidentsByAgeGroup(gridCell(100, 20, 50, 30), municipality))).toEqual([
      10, 22.5, 37.5, 15, 9, 6,
    ]);
  });

  it('shares what withheld groups leave of the total over their ages together', () => {
    // Everything withheld: the cell's 7 residents as the municipality's 100 are (20, 30, 30, 10, 6, 4).
    expect(groups(cellResidentsByAgeGroup(gridCell(7, null, null, null), municipality))).toEqual([
      1.4, 2.1, 2.1, 0.7, 0.42, 0.28,
    ]);
    // 0–14 given (2); the other 10 over ages 15+, weighted 10 : 30 : 10 : 6 : 4 at 16, 40, 70, 80, 90.
    const partly = groups(cellResidentsByAgeGroup(gridCell(12, 2, null, null), municipality));
    expect(partly.map((n) => Math.round(n * 1e6) / 1e6)).toEqual([1, 2.666667, 5, 1.666667, 1, 0.666667]);
    // Ages the municipality has nobody of are filled evenly: 15 aged 0–14 over 15 years.
    expect(groups(cellResidentsByAgeGroup(gridCell(15, 15, 0, 0), new Float64Array(oldestAge + 1)))).toEqual([
      7, 8, 0, 0, 0, 0,
    ]);
  });

  it("weights an age-targeted class's demand by the cell's own old residents, not by its total", () => {
    const cells = cellsFromGridFigures(
      [
        { code: '1kmN6672E0383', x: 383500, y: 6672500, municipality: '091', ...gridCell(100, 20, 50, 30) },
        // As many residents, none of them old.
        { code: '1kmN6672E0384', x: 384500, y: 6672500, municipality: '091', ...gridCell(100, 40, 60, 0) },
        // Nobody lives here: the network leaves it out.
        { code: '1kmN6672E0385', x: 385500, y: 6672500, municipality: '091', ...gridCell(0, 0, 0, 0) },
      ],
      new Map([['091', municipality]]),
      municipality,
    );
    expect(cells.codes).toEqual(['1kmN6672E0383', '1kmN6672E0384']);
    expect(Array.from(cells.total)).toEqual([100, 100]);
    expect(Array.from(cells.aged75)).toEqual([15, 0]);
    // Home care: 2 visits a year per resident aged 75–84 and 3 per resident aged 85+.
    const homeCare = {
      serviceClass: { code: 'HMC' },
      ratePerResident: [0, 0, 0, 0, 2, 3],
      inPersonShare: 1,
    } as unknown as ClassDemand;
    // 9 × 2 + 6 × 3 = 36 for the first cell; by its total and the municipality's shares it would be 24.
    expect(Array.from(cellDemand(cells, homeCare))).toEqual([36, 0]);
  });

  it('keeps every resident: the groups add up to the given figures and what withheld ones leave', () => {
    const count = fc.option(fc.nat(500), { nil: null });
    fc.assert(
      fc.property(
        count,
        count,
        count,
        fc.nat(300),
        fc.array(fc.nat(50), { minLength: oldestAge + 1, maxLength: oldestAge + 1 }),
        (young, working, old, extra, ages) => {
          const given = (young ?? 0) + (working ?? 0) + (old ?? 0);
          const anyWithheld = young === null || working === null || old === null;
          const total = given + (anyWithheld ? extra : 0);
          const out = cellResidentsByAgeGroup(gridCell(total, young, working, old), ages);
          expect(out.every((n) => n >= 0)).toBe(true);
          expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
          // The network's 75+ is never more than the grid's 65+, where that is given.
          if (old !== null) expect((out[4] as number) + (out[5] as number)).toBeLessThanOrEqual(old + 1e-9);
        },
      ),
    );
  });
});

describe('network data from the grid layer alone', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await store.run(`INSERT INTO areas VALUES
      ('municipality', '091', 'Helsinki', 'Helsingfors', NULL, 2024, NULL, NULL, 385000, 6672000, 1, 1),
      ('gridCell', '1kmN6672E0383', '1kmN6672E0383', '', '091', 2024, NULL, NULL, 383500, 6672500, 1, 2),
      ('gridCell', '1kmN6672E0384', '1kmN6672E0384', '', '091', 2024, NULL, NULL, 384500, 6672500, 1, 3)`);
    // The municipality's residents by age, as in the hand case above.
    const rows = [...municipality.entries()].filter(([, n]) => n > 0);
    await store.run(
      `INSERT INTO population VALUES ${rows.map(([age, n]) => `('municipality', '091', 2024, ${age}, 'male', ${n}, 2, ${age})`).join(', ')}`,
    );
    // The grid layer's figures: the first cell as above, the second withheld but for its total.
    await store.run(`INSERT INTO grid_population_groups VALUES
      ('1kmN6672E0383', 2024, 'total', 0, NULL, 100, false, 1, 2),
      ('1kmN6672E0383', 2024, 'male', 0, NULL, 50, false, 1, 2),
      ('1kmN6672E0383', 2024, 'total', 0, 14, 20, false, 1, 2),
      ('1kmN6672E0383', 2024, 'total', 15, 64, 50, false, 1, 2),
      ('1kmN6672E0383', 2024, 'total', 65, NULL, 30, false, 1, 2),
      ('1kmN6672E0384', 2024, 'total', 0, NULL, 7, false, 1, 3),
      ('1kmN6672E0384', 2024, 'total', 0, 14, NULL, true, 1, 3),
      ('1kmN6672E0384', 2024, 'total', 15, 64, NULL, true, 1, 3),
      ('1kmN6672E0384', 2024, 'total', 65, NULL, NULL, true, 1, 3)`);
  });
  afterAll(() => store.close());

  it("takes the cells' residents by age group from the grid's figures, and says so", async () => {
    const data = await loadNetworkData(store);
    expect(data).toMatchObject({ baseYear: 2024, populationYear: 2024, populationSource: 'gridAgeGroups' });
    expect(data.populationNote).toContain('1 km grid population of 2024 by age group');
    expect(data.cells.codes).toEqual(['1kmN6672E0383', '1kmN6672E0384']);
    expect(Array.from(data.cells.x)).toEqual([383500, 384500]);
    expect(data.cells.byAgeGroup.map((g) => Math.round((g[0] as number) * 1e9) / 1e9)).toEqual([
      10, 22.5, 37.5, 15, 9, 6,
    ]);
    expect(Array.from(data.cells.aged75).map((n) => Math.round(n * 1e9) / 1e9)).toEqual([15, 0.7]);
    expect(Array.from(data.cells.total)).toEqual([100, 7]);
  });
});
