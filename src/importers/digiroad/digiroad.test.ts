import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoPackageBlob, wkbOf, writeLinkGeoPackage } from './geopackage.fixture.js';
import { readGeoPackageLines, readWkbLines } from './geopackage.js';
import { digiroadLinks } from './links.js';

const fixture = new URL('./fixtures/hsl-fixup-2025-02.gpkg', import.meta.url).pathname;

describe('Digiroad GeoPackage, real published file', () => {
  it('reads every link of the layer and accounts for each as accepted or rejected by feature number', async () => {
    const layer = await readGeoPackageLines(fixture, 'add_links');
    expect(layer.srsId).toBe(3067);
    expect(layer.features).toHaveLength(255);
    // Every geometry is a LineString ZM the reader understands, in Uusimaa's part of EPSG:3067.
    for (const feature of layer.features) {
      expect(feature.lines).toHaveLength(1);
      const xy = feature.lines?.[0] as Float64Array;
      expect(xy.length).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < xy.length; i += 2) {
        expect(xy[i]).toBeGreaterThan(345_000);
        expect(xy[i]).toBeLessThan(427_000);
        expect(xy[i + 1]).toBeGreaterThan(6_667_000);
        expect(xy[i + 1]).toBeLessThan(6_724_000);
      }
    }
    const { links, rejects, read } = digiroadLinks(layer.features);
    expect(read).toBe(255);
    expect(links.length + rejects.length).toBe(read);
    // HSL's supplementary links carry no functional class: only the four tracks (link type 12) say
    // what they are; the others are rejected, not guessed, and named by their fid.
    expect(links.map((l) => l.roadClass)).toEqual(['track', 'track', 'track', 'track']);
    expect(new Set(rejects.map((r) => `${r.column} ${r.reason.code}`))).toEqual(
      new Set(['TOIMINN_LK missingValue']),
    );
    const fids = new Set(layer.features.map((f) => f.fid));
    for (const reject of rejects) expect(fids.has(reject.line)).toBe(true);
    expect(new Set(rejects.map((r) => r.line)).size).toBe(rejects.length);
  });
});

describe('Digiroad links, hand-made GeoPackage', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'digiroad-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('maps class, direction, limits and ferries, and rejects each bad feature with its reason', async () => {
    const path = join(dir, 'links.gpkg');
    const line = geoPackageBlob(
      wkbOf(
        [
          [
            [400_000, 6_700_000],
            [401_000, 6_700_000],
          ],
        ],
        { z: true, m: true },
      ),
    );
    const row = (values: Record<string, string | number | null>, geometry: Uint8Array | null = line) => ({
      values,
      geometry,
    });
    await writeLinkGeoPackage(
      path,
      ['LINK_ID', 'TOIMINN_LK', 'LINKKITYYP', 'AJOSUUNTA', 'NOPEUSRAJ', 'TALVINOPEU', 'YLITYSAIKA_S'],
      [
        row({ LINK_ID: 'a', TOIMINN_LK: 2, LINKKITYYP: 3, AJOSUUNTA: 2, NOPEUSRAJ: 80, TALVINOPEU: 60 }),
        row({ LINK_ID: 'b', TOIMINN_LK: 3, LINKKITYYP: 3, AJOSUUNTA: 4 }),
        row({ LINK_ID: 'c', TOIMINN_LK: 5, LINKKITYYP: 21, AJOSUUNTA: 2, YLITYSAIKA_S: 600 }),
        row({ LINK_ID: 'd', TOIMINN_LK: 3, LINKKITYYP: 3, AJOSUUNTA: 7 }),
        row({ LINK_ID: 'a', TOIMINN_LK: 3, LINKKITYYP: 3, AJOSUUNTA: 2 }),
        row({ LINK_ID: 'e', TOIMINN_LK: 3, LINKKITYYP: 3, AJOSUUNTA: 3 }, null),
        row({ LINK_ID: 'f', TOIMINN_LK: 3, LINKKITYYP: 3, AJOSUUNTA: 3, NOPEUSRAJ: 0 }),
        row({ LINK_ID: null, TOIMINN_LK: 3, LINKKITYYP: 3, AJOSUUNTA: 2 }),
        row({ LINK_ID: 'g', TOIMINN_LK: 11, LINKKITYYP: 3, AJOSUUNTA: 2 }),
        row({ LINK_ID: 'h', TOIMINN_LK: 6, LINKKITYYP: 3, AJOSUUNTA: 3 }),
      ],
    );
    const layer = await readGeoPackageLines(path);
    const { links, rejects, read } = digiroadLinks(layer.features);
    expect(read).toBe(10);
    expect(
      links.map((l) => [
        l.linkId,
        l.roadClass,
        l.oneway,
        l.speedKmh,
        l.winterSpeedKmh,
        l.ferry,
        l.crossingSeconds,
      ]),
    ).toEqual([
      ['a', 'primary', 0, 80, 60, false, 0],
      ['b', 'secondary', 1, 0, 0, false, 0],
      ['c', 'ferry', 0, 0, 0, true, 600],
      ['h', 'residential', -1, 0, 0, false, 0],
    ]);
    expect(rejects.map((r) => [r.line, r.column, r.reason.code, r.reason.params])).toEqual([
      [4, 'AJOSUUNTA', 'unknownValue', { expected: '2, 3, 4' }],
      [5, 'LINK_ID', 'duplicateKey', { line: 1 }],
      [6, 'geometry', 'notExpectedForm', {}],
      [7, 'NOPEUSRAJ', 'moreThan', { min: 0 }],
      [8, 'LINK_ID', 'missingValue', {}],
      [9, 'TOIMINN_LK', 'unknownValue', { expected: '1–10' }],
    ]);
  });

  it('refuses a file that is not a GeoPackage', async () => {
    await expect(readGeoPackageLines(fixture.replace('.gpkg', '-missing.gpkg'))).rejects.toThrow();
  });
});

describe('WKB lines', () => {
  it('reads back any LineString or MultiLineString in either byte order, with or without Z and M', () => {
    const point = fc.tuple(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(point, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        fc.record({ littleEndian: fc.boolean(), z: fc.boolean(), m: fc.boolean(), ewkb: fc.boolean() }),
        (parts, options) => {
          const wkb = wkbOf(parts, options);
          const lines = readWkbLines(new DataView(wkb.buffer), 0);
          expect(lines?.map((l) => Array.from(l))).toEqual(parts.map((p) => p.flat()));
          // Cut short, it is unreadable rather than wrong.
          expect(readWkbLines(new DataView(wkb.buffer, 0, wkb.length - 1), 0)).toBeUndefined();
        },
      ),
    );
  });
});
