import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackerLowerBounds, attackTable } from '../indicators/testing.js';
import { isSmallCount, viewerWithRoles } from '../model/index.js';
import { history, insertEvents, storeWithEvents, tinyChain, toEvents } from './chains.fixture.js';
import { chainMask, chainRows, computeChain } from './compute.js';
import { type ChainRow, chainCells } from './table.js';

describe('chain disclosure control', () => {
  it('leaves the recovery attack no withheld count it can pin, on random event histories', async () => {
    const store = await storeWithEvents([]);
    try {
      await fc.assert(
        fc.asyncProperty(history, async (rows) => {
          await store.run('DELETE FROM events');
          await insertEvents(store, toEvents(rows));
          const cells = chainCells(await chainRows(store, tinyChain, 2024), (n) => isSmallCount(n));
          const mask = await chainMask(cells);
          cells.values.forEach((v, i) => {
            if (isSmallCount(v)) expect(mask[i]).toBe(true);
          });
          const published = cells.values.map((v, i) => (mask[i] ? null : v));
          const { pinned } = await attackTable(published, cells.groups, attackerLowerBounds(cells.values));
          // A withheld zero pinned to 0 describes nobody; any other pinned cell is a disclosure.
          expect(pinned.filter((p) => (cells.values[p.cell] ?? 0) > 0)).toEqual([]);
        }),
        { numRuns: 25 },
      );
    } finally {
      store.close();
    }
  });

  it('serves no small count to a manager, at any breakdown', async () => {
    const events = toEvents(fc.sample(history, { seed: 7, numRuns: 1 })[0] ?? []);
    const store = await storeWithEvents(events);
    try {
      for (const by of ['municipality', 'ageBand', 'sex', 'producer'] as const) {
        const result = await computeChain(store, tinyChain, 2024, {
          viewer: viewerWithRoles(['manager']),
          by,
        });
        const counts = [result.total, ...result.groups].flatMap((g) => [
          g.entered,
          g.returns,
          ...g.steps.flatMap((s) => [s.reached, s.left, ...(s.handoversToNext ? [s.handoversToNext] : [])]),
        ]);
        expect(counts.filter((c) => isSmallCount(c.value))).toEqual([]);
        expect(counts.filter((c) => c.value === null && !c.suppressed)).toEqual([]);
      }
    } finally {
      store.close();
    }
  });

  it('shows a manager the county totals per step when the breakdowns can protect their small cells', async () => {
    // Hip fracture as a county of six municipalities sees it: 2 401 entries, 65, 29 and 17 reaching
    // the later steps, the municipalities' later steps all small.
    const row = (dim: string, category: string, reached: number[]): ChainRow => ({
      dim,
      category,
      entered: reached[0] ?? 0,
      reached,
      handovers: reached.slice(1).map((r) => Math.floor(r / 2)),
      returns: Math.floor((reached[0] ?? 0) / 10),
      cost: 0,
      times: reached.slice(1).map(() => ({ median: [1, 0, 2], p90: [2, 1, 3] })),
      toEnd: [1, 0, 2],
    });
    const split = (dim: string, categories: string[], byStep: number[][]) =>
      categories.map((c, i) =>
        row(
          dim,
          c,
          byStep.map((step) => step[i] ?? 0),
        ),
      );
    const rows = [
      row('*', '*', [2401, 65, 29, 17]),
      ...split(
        'municipality',
        ['a', 'b', 'c', 'd', 'e', 'f'],
        [
          [900, 500, 400, 300, 201, 100],
          [25, 15, 10, 8, 4, 3],
          [11, 7, 5, 3, 2, 1],
          [7, 4, 3, 2, 1, 0],
        ],
      ),
      ...split(
        'sex',
        ['female', 'male'],
        [
          [1500, 901],
          [40, 25],
          [18, 11],
          [10, 7],
        ],
      ),
      ...split(
        'producer',
        ['P1', 'P2'],
        [
          [2000, 401],
          [55, 10],
          [24, 5],
          [14, 3],
        ],
      ),
      row('step2', 'P1', [50]),
      row('step2', 'P2', [15]),
      row('step3', 'P3', [20]),
      row('step3', 'P4', [9]),
      row('step4', 'P5', [12]),
      row('step4', 'P6', [5]),
    ];
    const cells = chainCells(rows, (n) => isSmallCount(n));
    const mask = await chainMask(cells);
    const shown = (dim: string, category: string, measure: string) => {
      const i = cells.index(dim, category, measure) as number;
      return mask[i] ? null : cells.values[i];
    };
    expect([1, 2, 3, 4].map((k) => shown('*', '*', `reached:${k}`))).toEqual([2401, 65, 29, 17]);
    expect([1, 2, 3].map((k) => shown('*', '*', `left:${k}`))).toEqual([2336, 36, 12]);
    expect(shown('municipality', 'e', 'reached:4')).toBeNull();
    const published = cells.values.map((v, i) => (mask[i] ? null : v));
    const { pinned } = await attackTable(published, cells.groups, attackerLowerBounds(cells.values));
    expect(pinned.filter((p) => (cells.values[p.cell] ?? 0) > 0)).toEqual([]);
  });
});
