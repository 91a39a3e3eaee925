import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openState } from '../../state/index.js';
import { openStore, type Store } from '../../store/index.js';
import { openSampleStore } from '../../store/testing.js';
import { computeTravelTimeMatrix } from '../matrix/compute.js';
import { straightLineModel } from '../matrix/straight-line.js';
import { evaluatorFor, resolveYears } from '../scenario/service.js';
import { importRoads, RoadImportRefused } from './import-roads.js';
import { loadTravel } from './load.js';
import {
  activeRoadNetwork,
  chosenRoadNetwork,
  listRoadNetworks,
  setActiveRoadNetwork,
} from './road-store.js';
import { loadRoadSpeeds } from './speeds.js';

const dir = mkdtempSync(join(tmpdir(), 'soteatlas-networks-'));
let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const lineFeature = (highway: string, coordinates: number[][]) => ({
  type: 'Feature',
  properties: { highway },
  geometry: { type: 'LineString', coordinates },
});

const write = (name: string, features: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
};

/** A street past the sample county's two populated cells and its unit U1 (EPSG:3067). */
const countyStreet = () =>
  write('street.geojson', [
    lineFeature('residential', [
      [385_000, 6_672_300],
      [385_800, 6_672_300],
      [386_200, 6_672_300],
      [387_000, 6_672_300],
    ]),
  ]);

/** A few streets of central Tallinn in WGS84, about 80 km south of Helsinki across the gulf. */
const tallinn = () =>
  write('tallinn.geojson', [
    lineFeature('primary', [
      [24.7453, 59.4372],
      [24.7536, 59.437],
      [24.7613, 59.4365],
    ]),
    lineFeature('residential', [
      [24.7536, 59.437],
      [24.7541, 59.4398],
    ]),
  ]);

const countRows = async (table: string) =>
  (await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]?.n;

describe('road networks side by side', () => {
  it('refuses a network of another country unless forced, and then does not use it unasked', async () => {
    const county = await importRoads(store, countyStreet(), { name: 'street' });
    expect(county).toMatchObject({ name: 'street', revision: 1, active: true, warnings: [] });
    expect(county.coverage).toMatchObject({ checked: true, populatedCells: 2, populatedCellsNearRoad: 2 });

    const before = await Promise.all(
      ['road_networks', 'road_nodes', 'road_edges', 'road_network_imports'].map(countRows),
    );
    const refused = await importRoads(store, tallinn()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RoadImportRefused);
    expect((refused as RoadImportRefused).reason).toMatch(
      /tallinn\.geojson was not imported: no road .* --force/,
    );
    expect((refused as RoadImportRefused).coverage).toMatchObject({
      nodesInCountyBox: 0,
      populatedCellsNearRoad: 0,
    });
    expect(
      await Promise.all(['road_networks', 'road_nodes', 'road_edges', 'road_network_imports'].map(countRows)),
    ).toEqual(before);

    const forced = await importRoads(store, tallinn(), { force: true });
    expect(forced).toMatchObject({ name: 'tallinn', revision: 1, active: false });
    expect(forced.warnings.join(' ')).toMatch(/--force/);
    expect((await listRoadNetworks(store)).map((n) => [n.name, n.active])).toEqual(
      expect.arrayContaining([
        ['street', true],
        ['tallinn', false],
      ]),
    );

    // The county's travel times still come from its own network, and say so.
    expect((await loadTravel(store)).network).toMatchObject({ name: 'street', revision: 1 });
    const years = await resolveYears(store, {});
    const result = await (await evaluatorFor(store, years)).evaluate({
      name: 'base',
      changes: [],
      thresholds: [10],
    });
    expect(result.travelTimeSource).toBe('roadNetwork');
    expect(result.travel).toMatchObject({
      network: { name: 'street', revision: 1, version: county.version },
      origins: 2,
      straightLineOrigins: 0,
      straightLineDestinations: 0,
    });

    // Asked for by name, the far network gives straight-line times for every cell and says so.
    const far = await evaluatorFor(store, { ...years, roadNetwork: 'tallinn' });
    const farResult = await far.evaluate({ name: 'base', changes: [], thresholds: [10] });
    expect(farResult.travelTimeSource).toBe('straightLine');
    expect(farResult.travel).toMatchObject({
      network: { name: 'tallinn', revision: 1 },
      origins: 2,
      straightLineOrigins: 2,
      destinations: 1,
      straightLineDestinations: 1,
    });
    const cells = far.data.cells.codes.map((_, c) => ({
      x: far.data.cells.x[c] as number,
      y: far.data.cells.y[c] as number,
    }));
    const straight = computeTravelTimeMatrix(straightLineModel(loadRoadSpeeds(), 'car'), cells, [
      { x: 385_800, y: 6_672_300 },
    ]).minutes;
    const { minutes } = await far.access([], 'HC');
    expect(Array.from(minutes)).toEqual(Array.from(straight).map((t) => expect.closeTo(t, 5)));
  });

  it('computes on the network the user makes active (a choice kept in the state), and names an unknown one', async () => {
    const state = await openState({ store, county: '99' });
    try {
      const activeTravel = async () =>
        loadTravel(store, { network: (await activeRoadNetwork(store, state))?.name });
      await setActiveRoadNetwork(store, state, 'tallinn');
      expect((await activeTravel()).network?.name).toBe('tallinn');
      await expect(setActiveRoadNetwork(store, state, 'Tallinna')).rejects.toMatchObject({
        code: 'notFound',
        details: { network: 'Tallinna' },
      });
      await expect(loadTravel(store, { network: 'Tallinna' })).rejects.toThrow(
        'There is no road network named "Tallinna"; the store holds "tallinn", "street".',
      );
      await setActiveRoadNetwork(store, state, 'street');
      expect((await activeTravel()).network?.name).toBe('street');
      // A re-import under a name makes its next revision and keeps the choice.
      await importRoads(store, countyStreet(), { name: 'street' });
      expect(await activeRoadNetwork(store, state)).toMatchObject({ name: 'street', revision: 2 });
      expect((await activeTravel()).network).toMatchObject({ name: 'street', revision: 2 });
      expect(await chosenRoadNetwork(state)).toBe('street');
    } finally {
      await state.close();
    }
  });
});

describe('a real OpenStreetMap export of somewhere else (fixtures/README.md)', () => {
  const rivne = fileURLToPath(new URL('./fixtures/rivne-dragomanova.osm', import.meta.url));

  it('is read as roads only, refused for the county, and kept but not used when forced', async () => {
    const county = await openSampleStore();
    try {
      await importRoads(county, countyStreet(), { name: 'street', hierarchies: false });
      const refused = await importRoads(county, rivne, { hierarchies: false }).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(RoadImportRefused);
      expect((refused as RoadImportRefused).coverage).toMatchObject({
        checked: true,
        nodesInCountyBox: 0,
        populatedCells: 2,
        populatedCellsNearRoad: 0,
      });
      const forced = await importRoads(county, rivne, { force: true, hierarchies: false });
      // The unclassified road and the service road off it; buildings, the school and relations are not roads.
      expect(forced).toMatchObject({
        name: 'rivne-dragomanova',
        format: 'osm-xml',
        nodeCount: 4,
        edgeCount: 3,
        active: false,
        components: { count: 1, largestNodeShare: 1, largestLengthShare: 1 },
      });
      expect(forced.lengthKm).toBeCloseTo(0.1175, 3);
      expect((await loadTravel(county)).network?.name).toBe('street');
    } finally {
      county.close();
    }
  });
});

describe('connected components at import', () => {
  it('reports the pieces and warns when the largest holds less than 90 %', async () => {
    const empty = await openStore(':memory:');
    try {
      // A 3 km road with a 1 km side road (four junctions and ends, 4 km) and, 5 km away, a detached
      // 1 km road (two ends).
      const path = write('pieces.geojson', [
        lineFeature('secondary', [
          [400_000, 6_900_000],
          [401_000, 6_900_000],
          [402_000, 6_900_000],
          [403_000, 6_900_000],
        ]),
        lineFeature('tertiary', [
          [401_000, 6_900_000],
          [401_000, 6_901_000],
        ]),
        lineFeature('secondary', [
          [400_000, 6_905_000],
          [401_000, 6_905_000],
        ]),
      ]);
      const summary = await importRoads(empty, path, { hierarchies: false });
      expect(summary.components).toEqual({
        count: 2,
        largestNodeShare: 4 / 6,
        largestLengthShare: expect.closeTo(4 / 5, 9),
      });
      expect(summary.warnings).toEqual([
        expect.stringMatching(
          /2 unconnected pieces; the largest holds 66\.7 % of the nodes and 80\.0 % of the kilometres/,
        ),
      ]);
    } finally {
      empty.close();
    }
  });
});
