import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../importers/testing.js';
import { openStore, rejectsCsv, rejectsOf, type Store } from '../../store/index.js';
import { storeFailingOn, tableContents } from '../../store/testing.js';
import { lastFetches } from '../fetch-log.js';
import { type Fetcher, SourceUnreachable } from '../fetcher.js';
import { fetchWfs } from './fetch-wfs.js';
import {
  getFeatureUrl,
  layerName,
  parseLayerName,
  type WfsLayerKind,
  wfsLayerAsked,
  wfsScales,
} from './layers.js';

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const store = async () => {
  const s = await openStore(':memory:');
  open.push(s);
  return s;
};

/** The municipality layer's shape (importers' WFS fixture: GeoServer's answer, municipalities made up). */
const kunta = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../importers/readers/fixtures/wfs/kunta4500k_2025.geojson', import.meta.url)),
    'utf8',
  ),
) as { features: unknown[] };

const cell = (id: string, x: number, y: number, kunta: string, figures: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id: `vaki2024_1km.${id}`,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1000, y],
        [x + 1000, y + 1000],
        [x, y + 1000],
        [x, y],
      ],
    ],
  },
  properties: {
    grd_id: id,
    kunta,
    vaesto: 120,
    miehet: 60,
    naiset: 60,
    ika_0_14: 20,
    ika_15_64: 70,
    ika_65_: 30,
    ...figures,
  },
});

/** Answers GetFeature pages from a list of features, as GeoServer pages them by count and startIndex. */
const pagedService = (features: unknown[]): Fetcher & { urls: string[] } => {
  const urls: string[] = [];
  return {
    urls,
    async fetch(request) {
      urls.push(request.url);
      const params = new URL(request.url).searchParams;
      const start = Number(params.get('startIndex'));
      const page = features.slice(start, start + Number(params.get('count')));
      return {
        url: request.url,
        status: 200,
        body: new TextEncoder().encode(
          JSON.stringify({ type: 'FeatureCollection', numberMatched: features.length, features: page }),
        ),
        contentType: 'application/json',
        fetchedAt: '2026-06-10T08:00:00.000Z',
        fromCache: false,
      };
    },
  };
};

describe('fetchWfs', () => {
  it('names the layers by kind, year and scale, and asks for EPSG:3067 a page at a time', () => {
    expect(layerName('municipalities', 2025, '4500k')).toBe('tilastointialueet:kunta4500k_2025');
    expect(layerName('counties', 2025)).toBe('tilastointialueet:hyvinvointialue1000k_2025');
    expect(layerName('grid', 2024)).toBe('vaestoruutu:vaki2024_1km');
    const url = new URL(
      getFeatureUrl({
        layer: 'vaestoruutu:vaki2024_1km',
        count: 5000,
        startIndex: 5000,
        municipalities: ['049', '091'],
        sortBy: 'grd_id',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://geo.stat.fi/geoserver/wfs');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      typeNames: 'vaestoruutu:vaki2024_1km',
      srsName: 'EPSG:3067',
      count: '5000',
      startIndex: '5000',
      CQL_FILTER: "kunta IN ('049','091')",
      sortBy: 'grd_id',
    });
  });

  it('imports municipality boundaries as areas, each under its county, recording the source', async () => {
    const s = await store();
    const service = pagedService(kunta.features);
    const result = await fetchWfs(s, service, {
      kind: 'municipalities',
      year: 2025,
      scale: '4500k',
      countyOf: () => '99',
      workDir: tempDir(),
    });
    expect(result).toMatchObject({ layer: 'tilastointialueet:kunta4500k_2025', features: 2, pages: 1 });
    expect(result.import).toMatchObject({ rowsAccepted: 2, rowsRejected: 0 });
    expect(
      await s.all(
        `SELECT level, code, name_fi, name_sv, parent_code, valid_from_year, geometry IS NOT NULL AS shaped FROM areas ORDER BY code`,
      ),
    ).toEqual([
      {
        level: 'municipality',
        code: '901',
        name_fi: 'Keskusta',
        name_sv: 'Centrum',
        parent_code: '99',
        valid_from_year: 2025,
        shaped: true,
      },
      {
        level: 'municipality',
        code: '903',
        name_fi: 'Uusikylä',
        name_sv: 'Nyby',
        parent_code: '99',
        valid_from_year: 2025,
        shaped: true,
      },
    ]);
    expect(await s.all(`SELECT fetched_source, licence FROM imports`)).toEqual([
      { fetched_source: 'statfin-wfs', licence: 'CC BY 4.0' },
    ]);
    // The log keeps the scale and year asked, so that a refresh asks the same layer again.
    const [logged] = await lastFetches(s);
    expect(logged).toMatchObject({
      dataset: 'municipalities-2025',
      parameters: { kind: 'municipalities', year: 2025, scale: '4500k' },
    });
    expect(wfsLayerAsked(logged as NonNullable<typeof logged>)).toEqual({
      kind: 'municipalities',
      year: 2025,
      scale: '4500k',
    });
  });

  it('reads a layer name back into its kind, year and scale, whatever the layer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<WfsLayerKind>('municipalities', 'counties', 'grid'),
        fc.integer({ min: 1990, max: 2100 }),
        fc.constantFrom(...wfsScales),
        (kind, year, scale) => {
          const asked = parseLayerName(layerName(kind, year, scale));
          expect(asked).toEqual(kind === 'grid' ? { kind, year } : { kind, year, scale });
          // An address naming the layer says the same when the log kept no parameters.
          const url = getFeatureUrl({ layer: layerName(kind, year, scale), count: 10, startIndex: 0 });
          expect(wfsLayerAsked({ dataset: `${kind}-${year}`, url })).toEqual(asked);
        },
      ),
      { numRuns: 50 },
    );
    expect(parseLayerName('tilastointialueet:kunta2000k_2025')).toBeUndefined();
    expect(wfsLayerAsked({ dataset: 'counties-2023', url: 'https://geo.stat.fi/a' })).toEqual({
      kind: 'counties',
      year: 2023,
      scale: '1000k',
    });
    expect(wfsLayerAsked({ dataset: 'roads-2023', url: 'not an address' })).toBeUndefined();
  });

  it('pages through the 1 km grid until a page comes back short', async () => {
    const s = await store();
    const cells = [
      cell('1kmN6672E0383', 383000, 6672000, '091'),
      cell('1kmN6672E0384', 384000, 6672000, '091'),
      // A cell of few residents: Statistics Finland withholds its breakdown as -1.
      cell('1kmN6673E0383', 383000, 6673000, '049', {
        vaesto: 7,
        miehet: -1,
        naiset: -1,
        ika_0_14: -1,
        ika_15_64: -1,
        ika_65_: -1,
      }),
    ];
    const service = pagedService(cells);
    const result = await fetchWfs(s, service, {
      kind: 'grid',
      year: 2024,
      municipalities: ['049', '091'],
      pageSize: 2,
      workDir: tempDir(),
    });
    expect(result).toMatchObject({ features: 3, pages: 2 });
    expect(service.urls.map((u) => new URL(u).searchParams.get('startIndex'))).toEqual(['0', '2']);
    expect(await s.all(`SELECT code, parent_code FROM areas WHERE level = 'gridCell' ORDER BY code`)).toEqual(
      [
        { code: '1kmN6672E0383', parent_code: '091' },
        { code: '1kmN6672E0384', parent_code: '091' },
        { code: '1kmN6673E0383', parent_code: '049' },
      ],
    );
    expect((await lastFetches(s))[0]).toMatchObject({
      source: 'statfin-wfs',
      dataset: 'grid-2024',
      cells: 3,
    });
    // Not only the total: men, women and the age groups, the withheld ones kept as such.
    expect(result.gridGroups).toEqual({ rows: 18, suppressed: 5 });
    expect(result.import).toMatchObject({ rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 });
    expect(
      await s.all(
        `SELECT sex, age_from, age_to, count, suppressed FROM grid_population_groups
         WHERE code = '1kmN6673E0383' AND year = 2024 ORDER BY source_line, sex, age_from, age_to NULLS LAST`,
      ),
    ).toEqual([
      { sex: 'female', age_from: 0, age_to: null, count: null, suppressed: true },
      { sex: 'male', age_from: 0, age_to: null, count: null, suppressed: true },
      { sex: 'total', age_from: 0, age_to: 14, count: null, suppressed: true },
      { sex: 'total', age_from: 0, age_to: null, count: 7, suppressed: false },
      { sex: 'total', age_from: 15, age_to: 64, count: null, suppressed: true },
      { sex: 'total', age_from: 65, age_to: null, count: null, suppressed: true },
    ]);
    expect(
      await s.all(
        `SELECT age_from, age_to, count FROM grid_population_groups
         WHERE code = '1kmN6672E0383' AND sex = 'total' ORDER BY age_from, age_to NULLS LAST`,
      ),
    ).toEqual([
      { age_from: 0, age_to: 14, count: 20 },
      { age_from: 0, age_to: null, count: 120 },
      { age_from: 15, age_to: 64, count: 70 },
      { age_from: 65, age_to: null, count: 30 },
    ]);
    // Fetched again, the cells' figures are replaced, not doubled.
    await fetchWfs(s, pagedService(cells), {
      kind: 'grid',
      year: 2024,
      municipalities: ['049', '091'],
      workDir: tempDir(),
    });
    expect(await s.all(`SELECT count(*)::INTEGER AS n FROM grid_population_groups`)).toEqual([{ n: 18 }]);
  });

  it('rejects grid cells outside the county, not polygons or with figures that are not counts, each with its line and reason', async () => {
    const s = await store();
    const good = cell('1kmN6672E0383', 383000, 6672000, '091');
    const badRing = cell('1kmN6672E0384', 384000, 6672000, '091');
    (badRing.geometry.coordinates[0] as number[][]).pop(); // the ring no longer closes
    const point = {
      ...cell('1kmN6672E0385', 385000, 6672000, '091'),
      geometry: { type: 'Point', coordinates: [385500, 6672500] },
    };
    const cells = [
      good,
      badRing,
      point,
      cell('1kmN6672E0386', 386000, 6672000, '092'), // Vantaa: not one of the county's municipalities
      cell('1kmN6672E0387', 387000, 6672000, '091', { vaesto: -5 }),
      cell('1kmN6672E0388', 388000, 6672000, '091', { ika_65_: 'n/a' }),
      cell('1kmN6672E0389', 389000, 6672000, '049', { naiset: null }),
      // Withheld (-1) is a count: the cell is taken.
      cell('1kmN6673E0383', 383000, 6673000, '049', { miehet: -1, naiset: -1 }),
    ];
    const result = await fetchWfs(s, pagedService(cells), {
      kind: 'grid',
      year: 2024,
      municipalities: ['049', '091'],
      workDir: tempDir(),
    });
    // Rows in = accepted + rejected, counted over the features of the answer.
    expect(result.import).toMatchObject({ rowsRead: 8, rowsAccepted: 2, rowsRejected: 6 });
    expect(await s.all(`SELECT code FROM areas WHERE level = 'gridCell' ORDER BY code`)).toEqual([
      { code: '1kmN6672E0383' },
      { code: '1kmN6673E0383' },
    ]);
    // Only the accepted cells' figures are kept.
    expect(await s.all(`SELECT DISTINCT code FROM grid_population_groups ORDER BY code`)).toEqual([
      { code: '1kmN6672E0383' },
      { code: '1kmN6673E0383' },
    ]);
    expect(result.gridGroups).toEqual({ rows: 12, suppressed: 2 });
    const importId = result.import.importId as number;
    const [stored] = await s.all<{ read: number; accepted: number; rejected: number }>(
      `SELECT rows_read::INTEGER AS read, rows_accepted::INTEGER AS accepted, rows_rejected::INTEGER AS rejected
       FROM imports WHERE import_id = $id`,
      { id: importId },
    );
    expect(stored).toEqual({ read: 8, accepted: 2, rejected: 6 });
    const page = await rejectsOf(s, importId, { limit: 50, offset: 0 });
    expect(page?.total).toBe(6);
    expect(page?.rows.map((r) => [r.line, r.column, r.value, r.code, r.params])).toEqual([
      [
        2,
        'geometry',
        'Polygon',
        'gridCellGeometry',
        { cell: '1kmN6672E0384', detail: 'a ring is not closed' },
      ],
      [
        3,
        'geometry',
        'Point',
        'gridCellGeometry',
        { cell: '1kmN6672E0385', detail: 'a Point, not a polygon' },
      ],
      [4, 'kunta', '092', 'gridCellOutsideCounty', { cell: '1kmN6672E0386', value: '092' }],
      [5, 'vaesto', '-5', 'gridCellCount', { cell: '1kmN6672E0387', column: 'vaesto', value: '-5' }],
      [6, 'ika_65_', 'n/a', 'gridCellCount', { cell: '1kmN6672E0388', column: 'ika_65_', value: 'n/a' }],
      [7, 'naiset', '', 'gridCellMissingCount', { cell: '1kmN6672E0389', column: 'naiset' }],
    ]);
    // The reject report is the one every import gives: line, column, value, reason in words.
    const csv = (await rejectsCsv(s, importId)) ?? '';
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFrivi;sarake;arvo;syy',
      '2;geometry;Polygon;grid cell 1kmN6672E0384: not a valid polygon (a ring is not closed)',
    ]);
    expect(csv).toContain(
      "4;kunta;092;grid cell 1kmN6672E0386 lies in municipality 092, which is not one of the county's municipalities",
    );
    // A negative count is shown as given, neutralised against spreadsheet formulas.
    expect(csv).toContain(
      "5;vaesto;'-5;grid cell 1kmN6672E0387: vaesto is not a count (-5): only whole numbers from 0 up are read, and -1 as a withheld figure\r\n",
    );
  });

  it('stores the cells, their rejects and their figures by age group in one transaction: a crash leaves the store as it was', async () => {
    const s = await store();
    const options = { kind: 'grid' as const, year: 2024, municipalities: ['049', '091'] };
    await fetchWfs(s, pagedService([cell('1kmN6672E0383', 383000, 6672000, '091')]), {
      ...options,
      workDir: tempDir(),
    });
    const tables = ['areas', 'imports', 'rejects', 'grid_population_groups', 'source_fetches'];
    const before = await tableContents(s, tables);
    expect(before.grid_population_groups).toHaveLength(6);
    // Fetched again with new figures, a new cell and a rejected one, the store fails while the figures
    // by age group are written, after the cells, their rejects and the import's record.
    const again = [
      cell('1kmN6672E0383', 383000, 6672000, '091', { vaesto: 130, ika_65_: 40 }),
      cell('1kmN6672E0384', 384000, 6672000, '091'),
      cell('1kmN6672E0386', 386000, 6672000, '092'),
    ];
    await expect(
      fetchWfs(storeFailingOn(s, /INSERT INTO grid_population_groups/), pagedService(again), {
        ...options,
        workDir: tempDir(),
      }),
    ).rejects.toThrow(/injected failure/);
    expect(await tableContents(s, tables)).toEqual(before);
    // Without the failure the same answer is stored whole: cells, reject and figures together.
    const result = await fetchWfs(s, pagedService(again), { ...options, workDir: tempDir() });
    expect(result.import).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
    expect(
      await s.all(`SELECT count(*)::INTEGER AS n FROM rejects WHERE import_id = $id`, {
        id: result.import.importId,
      }),
    ).toEqual([{ n: 1 }]);
    expect(
      await s.all(
        `SELECT code, count FROM grid_population_groups WHERE sex = 'total' AND age_from = 65 ORDER BY code`,
      ),
    ).toEqual([
      { code: '1kmN6672E0383', count: 40 },
      { code: '1kmN6672E0384', count: 30 },
    ]);
  });

  it('offline, fails with the service named and stores nothing', async () => {
    const s = await store();
    const offline: Fetcher = {
      fetch: async (r) => {
        throw new SourceUnreachable(
          r.url,
          'offline or proxy: geo.stat.fi could not be reached directly (ENOTFOUND)',
        );
      },
    };
    await expect(fetchWfs(s, offline, { kind: 'counties', year: 2025, workDir: tempDir() })).rejects.toThrow(
      /geo\.stat\.fi could not be reached/,
    );
    expect(await s.all('SELECT count(*)::INTEGER AS n FROM areas')).toEqual([{ n: 0 }]);
  });
});
