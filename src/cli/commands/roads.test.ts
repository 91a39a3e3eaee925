import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbfOf, digiroadColumns, shpOf, tempDir, tm35finPrj, wgs84Prj } from '../../importers/testing.js';
import { RoadImportReport, RoadNetworkList } from '../../model/index.js';
import { openSampleStore } from '../../store/testing.js';

const bin = fileURLToPath(new URL('../../../bin/soteatlas.js', import.meta.url));
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const dir = tempDir();
const db = join(dir, 'sample.duckdb');

const lines = (name: string, coordinates: number[][][]) => {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      features: coordinates.map((line) => ({
        type: 'Feature',
        properties: { highway: 'residential' },
        geometry: { type: 'LineString', coordinates: line },
      })),
    }),
  );
  return path;
};

beforeAll(async () => {
  const store = await openSampleStore();
  await store.run(`ATTACH '${db}' AS target`);
  await store.run('COPY FROM DATABASE memory TO target');
  await store.run('DETACH target');
  store.close();
});

// Each run starts the whole CLI, so one pass goes through import, refusal, choice and a matrix.
describe('soteatlas import-roads and network list|use', () => {
  it('refuses a network of another country with exit 2 unless --force, and matrices name their network', async () => {
    // Past the sample county's populated cells, with a detached piece 3 km north (one of three nodes' worth).
    const county = lines('county.geojson', [
      [
        [385_000, 6_672_300],
        [386_000, 6_672_300],
        [387_000, 6_672_300],
      ],
      [
        [386_000, 6_672_300],
        [386_000, 6_672_800],
      ],
      [
        [390_000, 6_675_000],
        [390_500, 6_675_000],
      ],
    ]);
    const imported = await run('import-roads', county, '--db', db, '--no-hierarchies');
    expect(imported.code).toBe(0);
    const report = RoadImportReport.parse(JSON.parse(imported.stdout));
    expect(report).toMatchObject({ name: 'county', revision: 1, active: true, components: { count: 2 } });
    expect(report.components?.largestNodeShare).toBeCloseTo(4 / 6, 9);
    expect(imported.stderr).toMatch(
      /warning: the network is in 2 unconnected pieces; the largest holds 66\.7 % of the nodes/,
    );

    // Stockholm's Gamla stan in WGS84: nowhere near the county.
    const stockholm = lines('stockholm.geojson', [
      [
        [18.0686, 59.3251],
        [18.0719, 59.3245],
        [18.0745, 59.3236],
      ],
    ]);
    const refused = await run('import-roads', stockholm, '--db', db, '--no-hierarchies');
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ refused: true, coverage: { nodesInCountyBox: 0 } });
    expect(refused.stderr).toMatch(/stockholm\.geojson was not imported: .*--force/);
    const afterRefusal = RoadNetworkList.parse(
      JSON.parse((await run('network', 'list', '--db', db, '--json')).stdout),
    );
    expect(afterRefusal.map((n) => n.name)).toEqual(['county']);

    const forced = await run('import-roads', stockholm, '--db', db, '--no-hierarchies', '--force');
    expect(forced.code).toBe(0);
    expect(RoadImportReport.parse(JSON.parse(forced.stdout))).toMatchObject({
      name: 'stockholm',
      active: false,
    });
    expect(forced.stderr).toMatch(/"stockholm" is stored but not active/);

    const matrix = await run('network', 'matrix', '--class', 'HC', '--db', db, '--json');
    expect(matrix.code).toBe(0);
    expect(JSON.parse(matrix.stdout)).toMatchObject({
      method: 'roadNetwork',
      travel: { network: { name: 'county', revision: 1 }, origins: 2, straightLineOrigins: 0 },
    });

    const far = await run('network', 'matrix', '--class', 'HC', '--network', 'stockholm', '--db', db);
    expect(far.code).toBe(0);
    expect(far.stdout).toMatch(
      /2 cells × 1 units of HC by road network "stockholm" \(revision 1, version \w+\); STRAIGHT LINES for 2 of 2 cells and 1 of 1 units farther than 5 km from it: no trip used the network/,
    );

    const chosen = await run('network', 'use', 'stockholm', '--db', db);
    expect(chosen).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^active road network: \* stockholm/),
    });
    const unknown = await run('network', 'use', 'Stockholm', '--db', db);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/There is no road network named "Stockholm"; the store holds/);
  });

  it("imports Digiroad's zipped shapefile release, naming each rejected feature, and refuses one not in EPSG:3067", async () => {
    const link = (id: string, x: number, direction: number) => ({
      parts: [
        [
          [x, 6_672_300],
          [x + 1000, 6_672_300],
        ] as [number, number][],
      ],
      attributes: {
        LINK_ID: id,
        TOIMINN_LK: 5,
        LINKKITYYP: 3,
        AJOSUUNTA: direction,
        NOPEUSRAJ: 50,
        TALVINOPEU: 40,
        TIENIMI_SU: 'Kylätie',
      },
    });
    const records = [link('1', 385_000, 2), link('2', 386_000, 4), link('3', 387_000, 9)];
    const zip = (prj: string) =>
      zipSync({
        'DR_LINKKI.shp': shpOf(records),
        'DR_LINKKI.dbf': dbfOf(digiroadColumns, records),
        'DR_LINKKI.prj': new TextEncoder().encode(prj),
        'DR_LINKKI.cpg': new TextEncoder().encode('UTF-8'),
      });
    const release = join(dir, 'digiroad.zip');
    writeFileSync(release, zip(tm35finPrj));
    const rejects = join(dir, 'digiroad-rejects.csv');
    const imported = await run(
      'import-roads',
      release,
      '--db',
      db,
      '--no-hierarchies',
      '--rejects',
      rejects,
      '--lang',
      'fi',
    );
    expect(imported.code).toBe(0);
    expect(RoadImportReport.parse(JSON.parse(imported.stdout))).toMatchObject({
      name: 'digiroad',
      format: 'digiroad-shp',
      edgeCount: 2,
      links: { read: 3, accepted: 2, rejected: 1 },
    });
    expect(imported.stderr).toMatch(/feature 3 AJOSUUNTA: /);
    expect(readFileSync(rejects, 'utf8')).toMatch(/^\uFEFFrivi;sarake;arvo;syy\r\n3;AJOSUUNTA;;.+\r\n$/);

    writeFileSync(release, zip(wgs84Prj));
    const refused = await run('import-roads', release, '--db', db, '--no-hierarchies', '--name', 'wgs');
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      refused: true,
      reason: expect.stringMatching(/GCS_WGS_1984.*EPSG:3067/),
    });
  });
});
