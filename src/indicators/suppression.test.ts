import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallCount } from '../model/index.js';
import { isProtectedInterval } from './complementary-suppression.js';
import { attackerLowerBounds, attackTable } from './recovery-attack.js';
import { suppressionCube, suppressTable, type TableCell, totalCategory } from './suppression.js';
import { auditedSuppression } from './suppression-audit.js';

/**
 * A random indicator table as the engine hands it over: areas under parents, months of one quarter,
 * categories of a breakdown (or none) with each area's total over them.
 */
const tables = fc
  .record({
    parents: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
    months: fc.integer({ min: 1, max: 3 }),
    // A breakdown into one category is the area's total itself, which the request without the breakdown
    // publishes: nothing could be withheld there, so such tables are not generated.
    categories: fc.constantFrom(0, 2, 3),
  })
  .chain(({ parents, months, categories }) => {
    const areas = parents.flatMap((n, p) =>
      Array.from({ length: n }, (_, a) => ({ code: `A${p}${a}`, parent: `P${p}` })),
    );
    const keys = Array.from({ length: months }, (_, m) => `2024-0${m + 1}`).flatMap((period) =>
      areas.flatMap((area) =>
        (categories === 0 ? [totalCategory] : Array.from({ length: categories }, (_, c) => `c${c}`)).map(
          (category) => ({
            period,
            area,
            category,
          }),
        ),
      ),
    );
    // Mostly small counts, so that the bounds (every withheld count at least 1) matter.
    const count = fc.oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) },
      { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
    );
    return fc.array(count, { minLength: keys.length, maxLength: keys.length }).map((counts) => {
      const cells: TableCell[] = keys.map((k, i) => ({
        period: k.period,
        areaCode: k.area.code,
        parentCode: k.area.parent,
        category: k.category,
        count: counts[i] ?? 0,
      }));
      if (categories > 0)
        for (const period of new Set(keys.map((k) => k.period)))
          for (const area of areas)
            cells.push({
              period,
              areaCode: area.code,
              parentCode: area.parent,
              category: totalCategory,
              count: cells
                .filter((c) => c.period === period && c.areaCode === area.code)
                .reduce((sum, c) => sum + c.count, 0),
            });
      return cells;
    });
  });

/**
 * A reader of one response knows its cells as published and the margins they add up to (parents, the
 * quarter and year, each area's total), as far as those are published: the cube behind the response.
 */
const publishedCube = (cells: readonly TableCell[]) => {
  const cube = suppressionCube(cells, 'month');
  return {
    mask: cube.mask.slice(0, cells.length),
    values: cube.values,
    primary: cube.primary,
    published: cube.values.map((v, i) => (cube.mask[i] ? null : v)),
    relations: cube.groups,
  };
};

describe('suppressTable', () => {
  it('withholds a municipality’s small count together with a sibling, not the county total', () => {
    const cells: TableCell[] = [
      { period: '2024', areaCode: '101', parentCode: '99', category: totalCategory, count: 40 },
      { period: '2024', areaCode: '102', parentCode: '99', category: totalCategory, count: 3 },
      { period: '2024', areaCode: '103', parentCode: '99', category: totalCategory, count: 12 },
    ];
    expect(suppressTable(cells, 'year')).toEqual([false, true, true]);
  });

  it('on random tables, no withheld figure can be worked out from the response and its margins', async () => {
    await fc.assert(
      fc.asyncProperty(tables, async (cells) => {
        const { mask, values, primary, published, relations } = publishedCube(cells);
        expect(mask).toEqual(suppressTable(cells, 'month'));
        cells.forEach((c, i) => {
          if (isSmallCount(c.count)) expect(mask[i]).toBe(true);
        });
        // The relations a reader knows include each area's total over the breakdown as the request
        // without the breakdown publishes it, and the margins as coarser requests do. Zeros are
        // published, so the reader takes every withheld count to be at least 1; a linear programme then
        // gives each withheld cell's smallest and largest possible value.
        // The exact audit on top of the pattern. It can fall short only where nothing is left to
        // withhold: a small table whose every cell is withheld under a grand total that the request
        // without the breakdown publishes (18 cells of at least 1 each under a total of 20 leave each
        // at most 3). Then every cell that could be withheld is.
        const cube = suppressionCube(cells, 'month');
        const audited = await auditedSuppression(cube);
        if (audited.exposed.length > 0)
          expect(audited.mask.every((m, i) => m || cube.fixed[i] || values[i] === 0)).toBe(true);
        published.splice(0, published.length, ...values.map((v, i) => (audited.mask[i] ? null : v)));
        const { ranges } = await attackTable(published, relations, attackerLowerBounds(values));
        const exposed = [...ranges]
          .filter(
            ([cell, range]) =>
              values[cell] !== 0 &&
              !audited.exposed.includes(cell) &&
              !isProtectedInterval(range, primary[cell] ?? false),
          )
          .map(([cell, range]) => ({ cell, value: values[cell], ...range }));
        expect(exposed).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
