import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toWgs84 } from '../../model/index.js';
import { openStore } from '../../store/index.js';
import { computeTravelTimeMatrix } from '../matrix/compute.js';
import { decodeHierarchy, encodeHierarchy, readHierarchy } from './hierarchy-store.js';
import { importRoads, readRoadFile } from './import-roads.js';
import { loadRoadGraph, loadTravelModel } from './load.js';
import { listRoadNetworks } from './road-store.js';

const dir = mkdtempSync(join(tmpdir(), 'soteatlas-roads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An L of two 1 km roads meeting at (400 000, 6 900 000), and a third road crossing the first at a shared vertex.
const lines = (toPosition: (x: number, y: number) => number[]) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { highway: 'secondary' },
      geometry: {
        type: 'LineString',
        coordinates: [
          toPosition(399_000, 6_900_000),
          toPosition(399_500, 6_900_000),
          toPosition(400_000, 6_900_000),
        ],
      },
    },
    {
      type: 'Feature',
      properties: { roadClass: 'residential', maxspeed: '40' },
      geometry: {
        type: 'LineString',
        coordinates: [toPosition(400_000, 6_900_000), toPosition(400_000, 6_901_000)],
      },
    },
    {
      type: 'Feature',
      properties: { highway: 'tertiary' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [toPosition(399_500, 6_899_500), toPosition(399_500, 6_900_000), toPosition(399_500, 6_900_500)],
        ],
      },
    },
  ],
});

describe('road import from GeoJSON lines into the store', () => {
  it('joins lines at shared vertices, in EPSG:3067 or WGS84 alike', async () => {
    const etrs = join(dir, 'etrs.geojson');
    writeFileSync(etrs, JSON.stringify(lines((x, y) => [x, y])));
    const wgs = join(dir, 'wgs.geojson');
    writeFileSync(
      wgs,
      JSON.stringify(
        lines((x, y) => {
          const p = toWgs84(x, y);
          return [p.lon, p.lat];
        }),
      ),
    );
    for (const path of [etrs, wgs]) {
      const { network, format } = await readRoadFile(path);
      expect(format).toBe('geojson');
      // Junctions: 4 road ends + the crossing at (399 500, 6 900 000) + the L's corner = 6 nodes, 5 edges.
      expect(network.nodeX.length).toBe(6);
      expect(network.edgeFrom.length).toBe(5);
      const total = network.edgeLengthMetres.reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(3000, 0);
    }
  });

  it('stores a network, lists it, and loads it back as a graph giving the same times', async () => {
    const store = await openStore(':memory:');
    try {
      expect((await loadTravelModel(store)).kind).toBe('straightLine');
      const path = join(dir, 'county.geojson');
      writeFileSync(path, JSON.stringify(lines((x, y) => [x, y])));
      const summary = await importRoads(store, path);
      expect(summary).toMatchObject({ name: 'county', format: 'geojson', nodeCount: 6, edgeCount: 5 });
      expect(summary.lengthKm).toBeCloseTo(3, 3);
      const { coverage, warnings, ...listed } = summary;
      expect(await listRoadNetworks(store)).toEqual([{ ...listed, importedAt: expect.any(String) }]);
      // A store without areas cannot be checked against the county; one piece, nothing to warn of.
      expect(coverage.checked).toBe(false);
      expect(warnings).toEqual([]);
      expect(listed).toMatchObject({ revision: 1, active: true, components: { count: 1 } });
      const graph = await loadRoadGraph(store);
      expect(graph?.kind).toBe('road');
      const model = await loadTravelModel(store, { profile: 'car' });
      // 1 km secondary at 60 km/h, then 1 km residential at 30 km/h (its higher limit does not raise the class speed).
      const matrix = computeTravelTimeMatrix(
        model,
        [{ x: 399_000, y: 6_900_000 }],
        [{ x: 400_000, y: 6_901_000 }],
      );
      expect(matrix.minutes[0]).toBeCloseTo(3, 5);
      // Each profile's contraction hierarchy is stored with the network, by graph version.
      const stored = await store.all<{ version: string }>('SELECT version FROM road_hierarchies');
      expect(stored.map((r) => r.version)).toContain(graph?.version);
      const hierarchy = await readHierarchy(store, graph?.version ?? '');
      expect(hierarchy && decodeHierarchy(encodeHierarchy(hierarchy))).toEqual(hierarchy);
      expect(hierarchy?.nodeCount).toBe(6);
      // Re-importing under the same name replaces the network's roads with its next revision.
      await importRoads(store, path);
      expect(await listRoadNetworks(store)).toEqual([
        expect.objectContaining({ name: 'county', revision: 2, active: true }),
      ]);
      expect((await store.all<{ n: number }>('SELECT count(*) AS n FROM road_edges'))[0]?.n).toBe(5);
    } finally {
      store.close();
    }
  });
});
