import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digiroadLinks } from './links.js';
import {
  dbfOf,
  digiroadColumns,
  type LineShapeType,
  latin1,
  type ShapeRecord,
  shpOf,
  tm35finPrj,
  wgs84Prj,
} from './shapefile.fixture.js';
import { isEtrsTm35fin, readShapefileLines } from './shapefile.js';
import { readShapefileSource } from './shapefile-files.js';

const link = (id: string, parts: ShapeRecord['parts'], extra: Partial<ShapeRecord['attributes']> = {}) => ({
  parts,
  attributes: {
    LINK_ID: id,
    TOIMINN_LK: 3,
    LINKKITYYP: 1,
    AJOSUUNTA: 2,
    NOPEUSRAJ: 80,
    TALVINOPEU: 60,
    TIENIMI_SU: 'Vaasantie',
    ...extra,
  },
});

const records: ShapeRecord[] = [
  link('a', [
    [
      [385000, 6672000],
      [385100, 6672000],
      [385200, 6672050],
    ],
  ]),
  link(
    'b',
    [
      [
        [385200, 6672050],
        [385300, 6672050],
      ],
      [
        [385300, 6672050],
        [385300, 6672150],
      ],
    ],
    { AJOSUUNTA: 4 },
  ),
  link(
    'ferry',
    [
      [
        [385300, 6672150],
        [386300, 6672150],
      ],
    ],
    { TOIMINN_LK: null, LINKKITYYP: 21, NOPEUSRAJ: null, TALVINOPEU: null },
  ),
  link('gone', [
    [
      [1, 2],
      [3, 4],
    ],
  ]),
  link('nothing', null),
];
records[3] = { ...(records[3] as ShapeRecord), deleted: true };

const parts = (type: LineShapeType = 3, cpg: string | undefined = 'UTF-8') => ({
  shp: shpOf(records, type),
  dbf: dbfOf(digiroadColumns, records),
  prj: tm35finPrj,
  cpg,
});

describe('Digiroad shapefile reader (hand-made files in its link layout)', () => {
  it.each([3, 13, 23] as const)(
    'reads lines of shape type %i with their parts, attributes and record numbers',
    (type) => {
      const features = readShapefileLines(parts(type));
      expect(features.map((f) => f.fid)).toEqual([1, 2, 3, 5]);
      expect(features[0]?.properties).toEqual({
        LINK_ID: 'a',
        TOIMINN_LK: 3,
        LINKKITYYP: 1,
        AJOSUUNTA: 2,
        NOPEUSRAJ: 80,
        TALVINOPEU: 60,
        TIENIMI_SU: 'Vaasantie',
      });
      expect(features[0]?.lines?.map((l) => [...l])).toEqual([
        [385000, 6672000, 385100, 6672000, 385200, 6672050],
      ]);
      expect(features[1]?.lines?.map((l) => [...l])).toEqual([
        [385200, 6672050, 385300, 6672050],
        [385300, 6672050, 385300, 6672150],
      ]);
      expect(features[2]?.properties.TOIMINN_LK).toBeNull();
      expect(features[3]?.lines).toEqual([]);
    },
  );

  it('turns the records into links, a null shape rejected by its record number', () => {
    const { links, rejects, read } = digiroadLinks(readShapefileLines(parts()));
    expect(read).toBe(4);
    expect(
      links.map((l) => [l.linkId, l.roadClass, l.oneway, l.speedKmh, l.winterSpeedKmh, l.ferry]),
    ).toEqual([
      ['a', 'secondary', 0, 80, 60, false],
      ['b', 'secondary', 1, 80, 60, false],
      ['ferry', 'ferry', 0, 0, 0, true],
    ]);
    expect(rejects).toEqual([
      { line: 5, column: 'geometry', reason: { code: 'notExpectedForm', params: {} } },
    ]);
  });

  it('refuses a .prj other than ETRS-TM35FIN, naming what it found, and a missing one', () => {
    expect(() => readShapefileLines({ ...parts(), prj: wgs84Prj })).toThrow(/GCS_WGS_1984.*EPSG:3067/);
    expect(() => readShapefileLines({ ...parts(), prj: undefined })).toThrow(/\.prj/);
    expect(isEtrsTm35fin('PROJCS["ETRS89 / TM35FIN(E,N)",AUTHORITY["EPSG","3067"]]')).toBe(true);
    expect(isEtrsTm35fin('PROJCS["ETRS89 / UTM zone 35N"]')).toBe(true);
    expect(isEtrsTm35fin('PROJCS["ETRS89 / GK25FIN"]')).toBe(false);
  });

  it('reads the .dbf in the encoding its .cpg names, and refuses non-UTF-8 text without one', () => {
    const named = [
      link(
        'å',
        [
          [
            [0, 0],
            [1, 1],
          ],
        ],
        { TIENIMI_SU: 'Äänekoskentie' },
      ),
    ];
    const dbf = dbfOf(digiroadColumns, named, latin1);
    const base = { shp: shpOf(named), dbf, prj: tm35finPrj };
    for (const cpg of ['ISO-8859-1', '88591', '1252']) {
      expect(readShapefileLines({ ...base, cpg })[0]?.properties.TIENIMI_SU).toBe('Äänekoskentie');
    }
    expect(() => readShapefileLines({ ...base, cpg: undefined })).toThrow(/not UTF-8.*\.cpg/);
    const utf8 = { ...base, dbf: dbfOf(digiroadColumns, named), cpg: 'UTF-8' };
    expect(readShapefileLines(utf8)[0]?.properties).toMatchObject({
      LINK_ID: 'å',
      TIENIMI_SU: 'Äänekoskentie',
    });
    expect(() => readShapefileLines({ ...base, cpg: 'KLINGON' })).toThrow(/unknown encoding/);
  });

  it('refuses what is not a line shapefile', () => {
    const points = shpOf(records);
    new DataView(points.buffer).setInt32(32, 1, true);
    expect(() => readShapefileLines({ ...parts(), shp: points })).toThrow(/shape type 1/);
    expect(() => readShapefileLines({ ...parts(), shp: new Uint8Array(120) })).toThrow(/no shapefile header/);
  });

  it('property: any lines and ids written are read back as they were', () => {
    const point = fc.tuple(
      fc.integer({ min: 0, max: 800_000 }),
      fc.integer({ min: 6_600_000, max: 7_800_000 }),
    );
    const part = fc.array(point, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.stringMatching(/^[0-9a-f-]{1,36}$/), fc.array(part, { minLength: 1, maxLength: 3 })),
          { maxLength: 8 },
        ),
        fc.constantFrom<LineShapeType>(3, 13, 23),
        (rows, type) => {
          const written = rows.map(([id, lines]) => link(id, lines));
          const features = readShapefileLines({
            shp: shpOf(written, type),
            dbf: dbfOf(digiroadColumns, written),
            prj: tm35finPrj,
            cpg: 'UTF-8',
          });
          expect(features.map((f) => f.properties.LINK_ID)).toEqual(rows.map(([id]) => id));
          expect(features.map((f) => f.lines?.map((l) => [...l]))).toEqual(
            rows.map(([, lines]) => lines.map((p) => p.flat())),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('Digiroad shapefile release on disk', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'digiroad-shp-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('reads the link layer from a zip among other layers, and from files side by side', async () => {
    const p = parts();
    const bytes = (text: string) => new TextEncoder().encode(text);
    const zip = zipSync({
      'UUSIMAA/DR_LINKKI.shp': p.shp,
      'UUSIMAA/DR_LINKKI.dbf': p.dbf,
      'UUSIMAA/DR_LINKKI.prj': bytes(p.prj),
      'UUSIMAA/DR_LINKKI.cpg': bytes('UTF-8'),
      'UUSIMAA/DR_PYSAKKI.shp': new Uint8Array(100),
    });
    await writeFile(join(folder, 'uusimaa.zip'), zip);
    expect((await readShapefileSource(join(folder, 'uusimaa.zip'))).map((f) => f.properties.LINK_ID)).toEqual(
      ['a', 'b', 'ferry', 'nothing'],
    );
    await writeFile(join(folder, 'links.shp'), p.shp);
    await writeFile(join(folder, 'links.dbf'), p.dbf);
    await writeFile(join(folder, 'links.prj'), p.prj);
    expect(await readShapefileSource(join(folder, 'links.shp'))).toHaveLength(4);
    await writeFile(join(folder, 'lonely.shp'), p.shp);
    await expect(readShapefileSource(join(folder, 'lonely.shp'))).rejects.toThrow(/lonely\.dbf/);
    await writeFile(join(folder, 'two.zip'), zipSync({ 'a.shp': p.shp, 'b.shp': p.shp }));
    await expect(readShapefileSource(join(folder, 'two.zip'))).rejects.toThrow(
      /DR_LINKKI\.shp \(found a\.shp, b\.shp\)/,
    );
  });
});
