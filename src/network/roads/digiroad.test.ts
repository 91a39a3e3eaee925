import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigiroadReject } from '../../importers/index.js';
import {
  type DbfColumn,
  dbfOf,
  digiroadColumns,
  type ShapeRecord,
  shpOf,
  tempDir,
  tm35finPrj,
} from '../../importers/testing.js';
import { openStore, type Store } from '../../store/index.js';
import { computeTravelTimeMatrix } from '../matrix/compute.js';
import { importRoads } from './import-roads.js';
import { loadTravelModel } from './load.js';
import { readRoadNetwork } from './road-store.js';

const columns: DbfColumn[] = [...digiroadColumns, { name: 'YLITYSAIKA', type: 'N', length: 5 }];
const road = (
  id: string,
  from: [number, number],
  to: [number, number],
  extra: Record<string, number | null> = {},
) => ({
  parts: [[from, to]],
  attributes: {
    LINK_ID: id,
    TOIMINN_LK: 3,
    LINKKITYYP: 1,
    AJOSUUNTA: 2,
    NOPEUSRAJ: 100,
    TALVINOPEU: 40,
    TIENIMI_SU: null,
    YLITYSAIKA: null,
    ...extra,
  },
});

// A 6 km mainland road, a 1 km ferry crossing of 10 minutes, a 2 km island road; one link of a direction Digiroad has no code for.
const links: ShapeRecord[] = [
  road('main', [400_000, 6_900_000], [406_000, 6_900_000]),
  road('ferry', [406_000, 6_900_000], [407_000, 6_900_000], {
    TOIMINN_LK: null,
    LINKKITYYP: 21,
    NOPEUSRAJ: null,
    TALVINOPEU: null,
    YLITYSAIKA: 600,
  }),
  road('island', [407_000, 6_900_000], [409_000, 6_900_000], { TOIMINN_LK: 6 }),
  road('odd', [409_000, 6_900_000], [410_000, 6_900_000], { AJOSUUNTA: 7 }),
];

const dir = tempDir();
let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(() => store.close());

describe("road import of Digiroad's releases", () => {
  it('builds the network from a shapefile: direction, limits, winter limits and the ferry with its crossing time, rejects by feature', async () => {
    const shp = join(dir, 'DR_LINKKI.shp');
    writeFileSync(shp, shpOf(links, 13));
    writeFileSync(join(dir, 'DR_LINKKI.dbf'), dbfOf(columns, links));
    writeFileSync(join(dir, 'DR_LINKKI.prj'), tm35finPrj);
    writeFileSync(join(dir, 'DR_LINKKI.cpg'), 'UTF-8');
    const told: DigiroadReject[] = [];
    const summary = await importRoads(store, shp, {
      hierarchies: false,
      onRejects: (r) => void told.push(...r),
    });
    expect(summary).toMatchObject({ name: 'DR_LINKKI', format: 'digiroad-shp', nodeCount: 4, edgeCount: 3 });
    expect(summary.links).toEqual({ read: 4, accepted: 3, rejected: 1 });
    expect(told).toEqual([
      { line: 4, column: 'AJOSUUNTA', reason: { code: 'unknownValue', params: { expected: '2, 3, 4' } } },
    ]);
    const stored = await readRoadNetwork(store, 'DR_LINKKI');
    expect([...(stored.links?.id ?? [])].sort()).toEqual(['ferry', 'island', 'main']);
    const ferry = stored.links?.id.indexOf('ferry') ?? -1;
    expect(stored.links?.crossingSeconds[ferry]).toBe(600);
    expect(stored.links?.winterSpeedKmh[stored.links.id.indexOf('main')]).toBe(40);
    // Secondary road at its class speed 60 (the limit of 100 is higher): 6 min; the ferry 10 min;
    // the access road at 30 km/h: 4 min.
    const model = await loadTravelModel(store, { profile: 'car' });
    const matrix = computeTravelTimeMatrix(
      model,
      [{ x: 400_000, y: 6_900_000 }],
      [{ x: 409_000, y: 6_900_000 }],
    );
    expect(matrix.minutes[0]).toBeCloseTo(20, 5);
  });

  it('imports the real published GeoPackage (HSL fix layer), its links accounted for', async () => {
    const gpkg = fileURLToPath(
      new URL('../../importers/digiroad/fixtures/hsl-fixup-2025-02.gpkg', import.meta.url),
    );
    const summary = await importRoads(store, gpkg, { hierarchies: false, name: 'hsl' });
    expect(summary.format).toBe('digiroad-gpkg');
    expect(summary.links).toEqual({ read: 255, accepted: 4, rejected: 251 });
    expect((await readRoadNetwork(store, 'hsl')).classNames).toEqual(['track']);
  });

  it('refuses a shapefile in another coordinate system, storing nothing', async () => {
    const shp = join(dir, 'wgs.shp');
    writeFileSync(shp, shpOf(links));
    writeFileSync(join(dir, 'wgs.dbf'), dbfOf(columns, links));
    writeFileSync(join(dir, 'wgs.prj'), 'GEOGCS["GCS_WGS_1984"]');
    await expect(importRoads(store, shp, { hierarchies: false })).rejects.toThrow(/GCS_WGS_1984/);
    expect(await store.all('SELECT * FROM road_networks')).toEqual([]);
  });
});
