import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackerLowerBounds, attackTable } from '../indicators/testing.js';
import { isSmallCount, viewerWithRoles } from '../model/index.js';
import { history, insertEvents, storeWithEvents, tinyChain, toEvents } from './chains.fixture.js';
import { chainMask, chainRows, computeChain } from './compute.js';
import { chainCells } from './table.js';

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
  }, 120_000);

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
});
