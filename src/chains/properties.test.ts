import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerWithRoles } from '../model/index.js';
import type { Store } from '../store/index.js';
import { history, insertEvents, storeWithEvents, tinyChain, toEvents } from './chains.fixture.js';
import { computeChain } from './compute.js';

const analyst = viewerWithRoles(['analyst']);

describe('computeChain on random event histories', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWithEvents([]);
  });
  afterAll(() => store.close());

  it('never grows along the funnel, has no negative times, and adds up by area and by producer', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (rows) => {
        await store.run('DELETE FROM events');
        await insertEvents(store, toEvents(rows));
        const result = await computeChain(store, tinyChain, 2024, { viewer: analyst, by: 'municipality' });
        const value = (c: { value: number | null }) => c.value ?? Number.NaN;
        for (const group of [result.total, ...result.groups]) {
          const reached = group.steps.map((s) => value(s.reached));
          expect(reached[0]).toBe(value(group.entered));
          for (let k = 1; k < reached.length; k++)
            expect(reached[k]).toBeLessThanOrEqual(reached[k - 1] ?? 0);
          // Everyone who entered leaves somewhere (the last step's leavers completed the chain).
          expect(group.steps.reduce((sum, s) => sum + value(s.left), 0)).toBe(value(group.entered));
          for (const s of group.steps) {
            for (const d of [s.daysToNext?.median, s.daysToNext?.p90]) {
              if (d?.value == null) continue;
              expect(d.value).toBeGreaterThanOrEqual(0);
              expect(d.lower ?? 0).toBeLessThanOrEqual(d.value);
              expect(d.upper ?? d.value).toBeGreaterThanOrEqual(d.value);
            }
            if (s.handoversToNext) expect(value(s.handoversToNext)).toBeGreaterThanOrEqual(0);
          }
          expect(value(group.returns)).toBeLessThanOrEqual(value(group.entered));
        }
        const sum = (pick: (g: (typeof result.groups)[number]) => number) =>
          result.groups.reduce((acc, g) => acc + pick(g), 0);
        expect(sum((g) => value(g.entered))).toBe(value(result.total.entered));
        result.total.steps.forEach((s, k) => {
          expect(sum((g) => value(g.steps[k]?.reached ?? { value: 0 }))).toBe(value(s.reached));
          expect(sum((g) => value(g.steps[k]?.left ?? { value: 0 }))).toBe(value(s.left));
          const producers = result.producersByStep[k]?.producers ?? [];
          expect(producers.reduce((acc, p) => acc + value(p.clients), 0)).toBe(value(s.reached));
        });
        expect(sum((g) => value(g.returns))).toBe(value(result.total.returns));
      }),
      { numRuns: 100 },
    );
  });
});
