import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DbfColumn,
  dbfOf,
  type FixtureLayer,
  geoPackageBlob,
  type ShapeRecord,
  shpOf,
  tm35finPrj,
  wkbOf,
  writeLayersGeoPackage,
} from '../../importers/testing.js';
import { NetworkVariant } from '../../model/index.js';
import { digiroadGraph, type VariantGraph, variantSeconds } from '../variants/digiroad-graph.js';
import { readDigiroadFile } from './digiroad.js';
import { loadRoadSpeeds } from './speeds.js';

/**
 * A Digiroad release as its GeoPackage holds it: DR_LINKKI with DR_NOPEUSRAJOITUS and
 * DR_TALVINOPEUSRAJOITUS beside it, in the columns the release publishes (LINK_ID, ARVO, VAIK_SUUNT and
 * each stretch's own line). No published release small enough to keep was found, so the file is written
 * here from those field names (see importers/digiroad/fixtures/README.md).
 *
 * Every link is a 1 000 m trunk road (class speed 80 km/h), each on its own row of the map:
 * - w: 80 km/h all along, 40 km/h in winter;
 * - s: 80 km/h on its first 500 m and 50 km/h on the rest;
 * - o: one-way along its drawing, 60 km/h that way and 30 km/h against it (which nobody drives);
 * - d: no limit in the layers, so the class speed holds.
 */
const x0 = 400_000;
const y0 = 6_700_000;
const line = (row: number, from: number, to: number) =>
  geoPackageBlob(
    wkbOf(
      [
        [
          [x0 + from, y0 + row * 100],
          [x0 + to, y0 + row * 100],
        ],
      ],
      { z: true, m: true },
    ),
  );

const linkLayer: FixtureLayer = {
  name: 'DR_LINKKI',
  columns: ['LINK_ID', 'TOIMINN_LK', 'LINKKITYYP', 'AJOSUUNTA'],
  rows: [
    { values: { LINK_ID: 'w', TOIMINN_LK: 1, LINKKITYYP: 3, AJOSUUNTA: 2 }, geometry: line(0, 0, 1000) },
    { values: { LINK_ID: 's', TOIMINN_LK: 1, LINKKITYYP: 3, AJOSUUNTA: 2 }, geometry: line(1, 0, 1000) },
    { values: { LINK_ID: 'o', TOIMINN_LK: 1, LINKKITYYP: 3, AJOSUUNTA: 4 }, geometry: line(2, 0, 1000) },
    { values: { LINK_ID: 'd', TOIMINN_LK: 1, LINKKITYYP: 3, AJOSUUNTA: 2 }, geometry: line(3, 0, 1000) },
  ],
};
const limitColumns = ['LINK_ID', 'KUNTAKOODI', 'VAIK_SUUNT', 'ARVO'];
const speedLayer: FixtureLayer = {
  name: 'DR_NOPEUSRAJOITUS',
  columns: limitColumns,
  rows: [
    { values: { LINK_ID: 'w', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 80 }, geometry: line(0, 0, 1000) },
    { values: { LINK_ID: 's', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 80 }, geometry: line(1, 0, 500) },
    { values: { LINK_ID: 's', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 50 }, geometry: line(1, 500, 1000) },
    { values: { LINK_ID: 'o', KUNTAKOODI: 91, VAIK_SUUNT: 2, ARVO: 60 }, geometry: line(2, 0, 1000) },
    { values: { LINK_ID: 'o', KUNTAKOODI: 91, VAIK_SUUNT: 3, ARVO: 30 }, geometry: line(2, 0, 1000) },
    // Rejected, each with its feature number (fid 6–10) and reason.
    { values: { LINK_ID: 'd', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 'n/a' }, geometry: line(3, 0, 1000) },
    { values: { LINK_ID: 'd', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 0 }, geometry: line(3, 0, 1000) },
    { values: { LINK_ID: 'd', KUNTAKOODI: 91, VAIK_SUUNT: 7, ARVO: 50 }, geometry: line(3, 0, 1000) },
    { values: { LINK_ID: 'gone', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 50 }, geometry: line(9, 0, 1000) },
    { values: { LINK_ID: 'd', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 50 }, geometry: null },
  ],
};
const winterLayer: FixtureLayer = {
  name: 'DR_TALVINOPEUSRAJOITUS',
  columns: limitColumns,
  rows: [
    { values: { LINK_ID: 'w', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 40 }, geometry: line(0, 0, 1000) },
    // A winter "limit" above the summer one does not make the road faster in winter.
    { values: { LINK_ID: 's', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 100 }, geometry: line(1, 0, 1000) },
    { values: { LINK_ID: null, KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 60 }, geometry: line(3, 0, 1000) },
  ],
};

const speeds = loadRoadSpeeds();

/** Seconds to drive a link's arc in a season (the first arc of that link; both ways are alike here). */
const secondsOn = (graph: VariantGraph, linkId: string, season: 'summer' | 'winter'): number[] => {
  const seconds = variantSeconds(graph, NetworkVariant.parse({ season }));
  const out: number[] = [];
  graph.arcLink.forEach((link, a) => {
    if (graph.linkIds[link] === linkId) out.push(seconds[a] as number);
  });
  return out;
};

describe('Digiroad speed-limit layers', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'digiroad-limits-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('joins DR_NOPEUSRAJOITUS and DR_TALVINOPEUSRAJOITUS to the links of a GeoPackage release', async () => {
    const path = join(dir, 'release.gpkg');
    await writeLayersGeoPackage(path, [linkLayer, speedLayer, winterLayer]);
    const { links } = await readDigiroadFile(path, 'digiroad-gpkg');
    expect(links.read).toBe(4);
    expect(links.links.map((l) => l.linkId)).toEqual(['w', 's', 'o', 'd']);
    const byId = new Map(links.links.map((l) => [l.linkId, l]));
    expect(byId.get('w')?.speedKmh).toBe(80);
    expect(byId.get('w')?.winterSpeedKmh).toBe(40);
    // 500 m at 80 and 500 m at 50 km/h: 22.5 + 36 = 58.5 s, one speed of 1 000 m / 58.5 s.
    expect(byId.get('s')?.speedKmh).toBeCloseTo(1000 / 58.5 / (1000 / 3600), 6);
    expect(byId.get('s')?.winterSpeedKmh).toBeCloseTo(byId.get('s')?.speedKmh as number, 6);
    // Only the limit binding the way traffic goes counts.
    expect(byId.get('o')?.speedKmh).toBe(60);
    expect(byId.get('d')?.speedKmh).toBe(0);

    expect(links.rejects.map((r) => [r.layer, r.line, r.column, r.reason.code])).toEqual([
      ['DR_NOPEUSRAJOITUS', 6, 'ARVO', 'notWholeNumber'],
      ['DR_NOPEUSRAJOITUS', 7, 'ARVO', 'moreThan'],
      ['DR_NOPEUSRAJOITUS', 8, 'VAIK_SUUNT', 'unknownValue'],
      ['DR_NOPEUSRAJOITUS', 10, 'geometry', 'notExpectedForm'],
      ['DR_NOPEUSRAJOITUS', 9, 'LINK_ID', 'unknownLinkId'],
      ['DR_TALVINOPEUSRAJOITUS', 3, 'LINK_ID', 'missingValue'],
    ]);
    expect(links.limits).toEqual({
      layers: [
        { layer: 'DR_NOPEUSRAJOITUS', read: 10, accepted: 5, rejected: 5 },
        { layer: 'DR_TALVINOPEUSRAJOITUS', read: 3, accepted: 2, rejected: 1 },
      ],
      linksWithLayerLimit: 3,
      linksWithDefault: 1,
      linksWithWinterLimit: 2,
    });
    for (const layer of links.limits?.layers ?? []) expect(layer.accepted + layer.rejected).toBe(layer.read);

    const graph = digiroadGraph(links.links, { speeds, ferrySpeedKmh: 10 });
    // w: 1 000 m at 80 km/h is 45 s in summer; its 40 km/h winter limit makes it 90 s in winter.
    expect(secondsOn(graph, 'w', 'summer')).toEqual([45, 45]);
    expect(secondsOn(graph, 'w', 'winter')).toEqual([90, 90]);
    // s: the length-weighted time, 58.5 s, both seasons (its winter row is above its summer limits).
    for (const t of [...secondsOn(graph, 's', 'summer'), ...secondsOn(graph, 's', 'winter')]) {
      expect(t).toBeCloseTo(58.5, 4);
    }
    // o: one way only, at 60 km/h.
    expect(secondsOn(graph, 'o', 'summer')).toEqual([60]);
    // d: no limit, the class speed (trunk 80 km/h).
    expect(secondsOn(graph, 'd', 'winter')).toEqual([45, 45]);
  });

  it('gives part of a link a winter limit: that stretch at it, the rest at the summer limit', async () => {
    const path = join(dir, 'part.gpkg');
    await writeLayersGeoPackage(path, [
      { ...linkLayer, rows: linkLayer.rows.slice(0, 1) },
      { ...speedLayer, rows: speedLayer.rows.slice(0, 1) },
      {
        ...winterLayer,
        rows: [
          { values: { LINK_ID: 'w', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 40 }, geometry: line(0, 250, 750) },
        ],
      },
    ]);
    const { links } = await readDigiroadFile(path, 'digiroad-gpkg');
    const graph = digiroadGraph(links.links, { speeds, ferrySpeedKmh: 10 });
    // 500 m at 80 km/h (22.5 s) and 500 m at 40 km/h (45 s).
    for (const t of secondsOn(graph, 'w', 'winter')) expect(t).toBeCloseTo(67.5, 4);
    expect(secondsOn(graph, 'w', 'summer')).toEqual([45, 45]);
  });

  it('reads the limit layers of the zipped shapefile release beside DR_LINKKI', async () => {
    const part = (row: number, from: number, to: number): [number, number][][] => [
      [
        [x0 + from, y0 + row * 100],
        [x0 + to, y0 + row * 100],
      ],
    ];
    const links: ShapeRecord[] = [
      { parts: part(0, 0, 1000), attributes: { LINK_ID: 'w', TOIMINN_LK: 1, LINKKITYYP: 3, AJOSUUNTA: 2 } },
      { parts: part(1, 0, 1000), attributes: { LINK_ID: 's', TOIMINN_LK: 1, LINKKITYYP: 3, AJOSUUNTA: 2 } },
    ];
    const linkColumns: DbfColumn[] = [
      { name: 'LINK_ID', type: 'C', length: 40 },
      { name: 'TOIMINN_LK', type: 'N', length: 2 },
      { name: 'LINKKITYYP', type: 'N', length: 2 },
      { name: 'AJOSUUNTA', type: 'N', length: 1 },
    ];
    const columns: DbfColumn[] = [
      { name: 'LINK_ID', type: 'C', length: 40 },
      { name: 'KUNTAKOODI', type: 'N', length: 3 },
      { name: 'VAIK_SUUNT', type: 'N', length: 1 },
      { name: 'ARVO', type: 'N', length: 3 },
    ];
    const speed: ShapeRecord[] = [
      { parts: part(1, 0, 500), attributes: { LINK_ID: 's', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 80 } },
      { parts: part(1, 500, 1000), attributes: { LINK_ID: 's', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 50 } },
      { parts: part(1, 0, 1000), attributes: { LINK_ID: 's', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 'xx' } },
    ];
    const winter: ShapeRecord[] = [
      { parts: part(0, 0, 1000), attributes: { LINK_ID: 'w', KUNTAKOODI: 91, VAIK_SUUNT: 1, ARVO: 40 } },
    ];
    const layer = (stem: string, records: ShapeRecord[], cols: DbfColumn[]) => ({
      [`${stem}.shp`]: shpOf(records),
      [`${stem}.dbf`]: dbfOf(cols, records),
      [`${stem}.prj`]: new TextEncoder().encode(tm35finPrj),
    });
    const path = join(dir, 'release.zip');
    await writeFile(
      path,
      zipSync({
        ...layer('DR_LINKKI', links, linkColumns),
        ...layer('DR_NOPEUSRAJOITUS', speed, columns),
        ...layer('DR_TALVINOPEUSRAJOITUS', winter, columns),
      }),
    );
    const { links: read } = await readDigiroadFile(path, 'digiroad-shp');
    expect(read.rejects.map((r) => [r.layer, r.line, r.column, r.reason.code])).toEqual([
      ['DR_NOPEUSRAJOITUS', 3, 'ARVO', 'notWholeNumber'],
    ]);
    expect(read.limits?.linksWithLayerLimit).toBe(1);
    expect(read.limits?.linksWithDefault).toBe(1);
    const graph = digiroadGraph(read.links, { speeds, ferrySpeedKmh: 10 });
    for (const t of secondsOn(graph, 's', 'summer')) expect(t).toBeCloseTo(58.5, 4);
    // w has no summer limit: the class speed (80 km/h) in summer, its 40 km/h winter limit in winter.
    expect(secondsOn(graph, 'w', 'summer')).toEqual([45, 45]);
    expect(secondsOn(graph, 'w', 'winter')).toEqual([90, 90]);
  });
});
