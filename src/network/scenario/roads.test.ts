import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { openSampleStore } from '../../store/testing.js';
import { computeTravelTimeMatrix } from '../matrix/compute.js';
import { importRoads } from '../roads/import-roads.js';
import { loadTravelModel } from '../roads/load.js';
import { evaluatorFor, resolveYears } from './service.js';

const dir = mkdtempSync(join(tmpdir(), 'soteatlas-scenario-roads-'));
let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The sample store's two populated cells (centres 385 500 and 386 500 east, 6 672 500 north) and unit U1
 * (385 800, 6 672 300): a residential street runs east–west past them, with a detour north in the
 * middle, so that road times differ from straight line × detour factor.
 */
const street = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { highway: 'residential' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [385_000, 6_672_300],
          [385_800, 6_672_300],
          [385_900, 6_673_500],
          [386_100, 6_673_500],
          [386_200, 6_672_300],
          [387_000, 6_672_300],
        ],
      },
    },
  ],
};

describe('scenario evaluation over a road network', () => {
  it('uses road travel times once the store has roads, and says so', async () => {
    const years = await resolveYears(store, {});
    const straight = await evaluatorFor(store, years);
    const before = await straight.evaluate({ name: 'base', changes: [], thresholds: [10] });
    expect(before.travelTimeSource).toBe('straightLine');
    const straightMinutes = (await straight.access([], 'HC')).minutes;

    const path = join(dir, 'street.geojson');
    writeFileSync(path, JSON.stringify(street));
    await importRoads(store, path, { name: 'street' });

    const road = await evaluatorFor(store, years);
    expect(road).not.toBe(straight);
    const after = await road.evaluate({ name: 'base', changes: [], thresholds: [10] });
    expect(after.travelTimeSource).toBe('roadNetwork');
    const { minutes, nearest } = await road.access([], 'HC');
    expect(nearest).toEqual(['U1', 'U1']);

    // The same times as the road matrix itself gives from the cells' centres to U1.
    const model = await loadTravelModel(store, { profile: 'car' });
    const expected = computeTravelTimeMatrix(
      model,
      road.data.cells.codes.map((_, c) => ({
        x: road.data.cells.x[c] as number,
        y: road.data.cells.y[c] as number,
      })),
      [{ x: 385_800, y: 6_672_300 }],
    ).minutes;
    expect(Array.from(minutes)).toEqual(Array.from(expected).map((t) => expect.closeTo(t, 9)));
    // The second cell's trip goes round the detour: longer by road than the straight-line model says.
    expect(minutes[1] as number).not.toBeCloseTo(straightMinutes[1] as number, 1);

    // Residents' mean travel time, 20 and 3 residents, is the weighted mean of the road times.
    const hc = after.classes.find((c) => c.serviceClass === 'HC');
    expect(hc?.meanMinutes).toBeCloseTo((20 * (expected[0] as number) + 3 * (expected[1] as number)) / 23, 9);
    expect(hc?.meanMinutes).not.toBeCloseTo(
      before.classes.find((c) => c.serviceClass === 'HC')?.meanMinutes ?? 0,
      2,
    );

    // A unit moved onto the detour takes a new road column: evaluated on roads, not straight lines.
    const moved = await road.evaluate({
      name: 'moved',
      changes: [{ kind: 'move', unitCode: 'U1', x: 386_000, y: 6_673_500 }],
      thresholds: [10],
    });
    const movedTimes = computeTravelTimeMatrix(
      model,
      road.data.cells.codes.map((_, c) => ({
        x: road.data.cells.x[c] as number,
        y: road.data.cells.y[c] as number,
      })),
      [{ x: 386_000, y: 6_673_500 }],
    ).minutes;
    expect(moved.classes.find((c) => c.serviceClass === 'HC')?.meanMinutes).toBeCloseTo(
      (20 * (movedTimes[0] as number) + 3 * (movedTimes[1] as number)) / 23,
      9,
    );
  });
});
