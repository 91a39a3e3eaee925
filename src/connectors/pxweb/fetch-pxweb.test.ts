import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../importers/index.js';
import { tempDir, writeText } from '../../importers/testing.js';
import { openStore, type Store } from '../../store/index.js';
import { lastFetches } from '../fetch-log.js';
import { SourceRefused, SourceUnreachable } from '../fetcher.js';
import { statFinApi } from './api.js';
import { pxDatasets } from './datasets.js';
import { fetchPxWeb } from './fetch-pxweb.js';
import { replayedService } from './service.fixture.js';

const root = `${statFinApi}/fi/StatFin`;
const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** A store that knows Espoo and Helsinki, as a county's areas import leaves it. */
const countyStore = async () => {
  const store = await openStore(':memory:');
  open.push(store);
  const dir = tempDir();
  const summary = await importFile(store, {
    file: writeText(dir, 'areas.csv', [
      'taso;koodi;nimi;ylempi_alue;voimassa_alkaen',
      'maa;SSS;Suomi;;2020',
      'hyvinvointialue;90;Helsinki;SSS;2023',
      'hyvinvointialue;02;Länsi-Uusimaa;SSS;2023',
      'kunta;049;Espoo;02;2020',
      'kunta;091;Helsinki;90;2020',
    ]),
    kind: 'areas',
  });
  expect(summary.rowsRejected).toBe(0);
  return { store, dir };
};

/** Statistics Finland's 2026 listing and metadata; the figures by age and sex are made up in its answer's shape. */
const service2026 = (extra: Partial<Parameters<typeof replayedService>[0]> = {}) =>
  replayedService({
    root,
    gets: { vaerak: 'vaerak-list-2026.json', 'vaerak/11re.px': '11re-metadata-2026.json' },
    table: 'vaerak/11re.px',
    whole: '11re-2026-made-up-by-age-sex.json',
    ...extra,
  });

describe('fetchPxWeb: population by area, age and sex (11re)', () => {
  it('imports the joined answers of a split query, recording where they came from', async () => {
    const { store, dir } = await countyStore();
    const service = service2026();
    const progress: string[] = [];
    const result = await fetchPxWeb(store, service, {
      dataset: pxDatasets.population as NonNullable<typeof pxDatasets.population>,
      municipalities: ['049', '091'],
      years: [2025],
      maxCells: 300,
      workDir: dir,
      onProgress: (p) => progress.push(p.label),
    });
    // 2 municipalities × 1 year × 101 ages × 2 sexes = 404 cells; at most 300 a query: one municipality each.
    expect(result).toMatchObject({ cells: 404, queries: 2, cellsPerQuery: [202, 202], unchangedAnswers: 0 });
    expect(service.queries.map((q) => q.query[0]?.selection.values)).toEqual([['KU049'], ['KU091']]);
    expect(progress).toContain('11re: query 2/2');
    expect(result.import).toMatchObject({
      refused: false,
      rowsRead: 404,
      rowsAccepted: 404,
      rowsRejected: 0,
    });
    expect(
      await store.all(
        `SELECT area_code, age, sex, count FROM population WHERE (age = 0 OR age = 100) ORDER BY area_code, age, sex`,
      ),
    ).toEqual([
      { area_code: '049', age: 0, sex: 'female', count: 1807 },
      { area_code: '049', age: 0, sex: 'male', count: 1800 },
      { area_code: '049', age: 100, sex: 'female', count: 65 },
      { area_code: '049', age: 100, sex: 'male', count: 25 },
      { area_code: '091', age: 0, sex: 'female', count: 3507 },
      { area_code: '091', age: 0, sex: 'male', count: 3500 },
      { area_code: '091', age: 100, sex: 'female', count: 100 },
      { area_code: '091', age: 100, sex: 'male', count: 60 },
    ]);
    expect(
      await store.all(
        `SELECT source, fetched_source, fetched_url, licence, fetched_at FROM imports WHERE kind = 'population'`,
      ),
    ).toEqual([
      {
        source: 'statfin-pxweb',
        fetched_source: 'statfin-pxweb',
        fetched_url: `${root}/vaerak/11re.px`,
        licence: 'CC BY 4.0',
        fetched_at: '2026-06-10T08:00:00.000Z',
      },
    ]);
    const [last] = await lastFetches(store);
    expect(last).toMatchObject({
      source: 'statfin-pxweb',
      dataset: 'population',
      queries: 2,
      cells: 404,
      rowsInserted: 404,
      changes: ['first fetch', '404 rows added'],
    });
    expect(last?.attribution).toMatch(/Statistics Finland .*11re: Väestö 31\.12\./);
  });

  it('tells a new table version by its changed variable codes, and still fetches it', async () => {
    const { store, dir } = await countyStore();
    const dataset = pxDatasets.population as NonNullable<typeof pxDatasets.population>;
    // The same table before June 2026: file statfin_vaerak_pxt_11re.px, variables Alue, Ikä, Sukupuoli, Vuosi, Tiedot.
    const before = replayedService({
      root,
      gets: {
        vaerak: 'vaerak-list-2025.json',
        'vaerak/statfin_vaerak_pxt_11re.px': '11re-metadata-2025.json',
      },
      table: 'vaerak/statfin_vaerak_pxt_11re.px',
      whole: '11re-2026-made-up-by-age-sex.json',
    });
    const old = await fetchPxWeb(store, before, {
      dataset,
      municipalities: ['049'],
      years: [2024],
      maxCells: 100_000,
      workDir: dir,
      dryRun: true,
    });
    expect(old.url).toBe(`${root}/vaerak/statfin_vaerak_pxt_11re.px`);
    expect(before.queries[0]?.query.map((q) => q.code)).toEqual([
      'Alue',
      'Vuosi',
      'Ikä',
      'Sukupuoli',
      'Tiedot',
    ]);

    const { recordFetch } = await import('../fetch-log.js');
    await recordFetch(store, {
      fetchedSource: old.fetchedSource,
      dataset: 'population',
      importId: null,
      queries: 1,
      unchangedAnswers: 0,
      cells: old.cells,
      rowsInserted: 0,
      rowsUpdated: 0,
      structure: ['Alue', 'Ikä', 'Sukupuoli', 'Vuosi', 'Tiedot'].map((code) => ({ code, text: code })),
    });
    const result = await fetchPxWeb(store, service2026(), {
      dataset,
      municipalities: ['049'],
      years: [2025],
      maxCells: 100_000,
      workDir: dir,
    });
    expect(result.url).toBe(`${root}/vaerak/11re.px`);
    expect(result.changes).toEqual([
      'variable Alue: code Alue → alue_23_20260101',
      'variable Ikä: code Ikä → ikaryhma_10_20180101',
      'variable Sukupuoli: code Sukupuoli → sukupuoli_9_20180101',
      'variable Vuosi: code Vuosi → timeperiod_y',
      'variable Tiedot: code Tiedot → contentscode',
      '202 rows added',
    ]);
  });

  it('passes on the service error answer and stores nothing', async () => {
    const { store, dir } = await countyStore();
    const failure = await fetchPxWeb(
      store,
      service2026({ refuseQueries: { status: 403, text: 'Forbidden' } }),
      {
        dataset: pxDatasets.population as NonNullable<typeof pxDatasets.population>,
        municipalities: ['049', '091'],
        workDir: dir,
        maxCells: 100_000,
      },
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SourceRefused);
    expect((failure as Error).message).toBe(`${root}/vaerak/11re.px answered 403: Forbidden`);
    expect(await store.all('SELECT count(*)::INTEGER AS n FROM population')).toEqual([{ n: 0 }]);
    expect(await lastFetches(store)).toEqual([]);
  });

  it('offline, says which answer it lacked and stores nothing', async () => {
    const { store, dir } = await countyStore();
    const failure = await fetchPxWeb(store, service2026({ gets: { vaerak: 'vaerak-list-2026.json' } }), {
      dataset: pxDatasets.population as NonNullable<typeof pxDatasets.population>,
      municipalities: ['049'],
      workDir: dir,
      maxCells: 100_000,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SourceUnreachable);
    expect((failure as Error).message).toMatch(/offline: no recorded answer for GET .*\/vaerak\/11re\.px/);
    expect(await store.all('SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 1 }]);
  });

  it('stops between queries when cancelled, before anything is stored', async () => {
    const { store, dir } = await countyStore();
    const controller = new AbortController();
    const failure = await fetchPxWeb(store, service2026(), {
      dataset: pxDatasets.population as NonNullable<typeof pxDatasets.population>,
      municipalities: ['049', '091'],
      years: [2025],
      maxCells: 300,
      workDir: dir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.label.endsWith('query 2/2')) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((failure as Error).name).toBe('AbortError');
    expect(await store.all('SELECT count(*)::INTEGER AS n FROM population')).toEqual([{ n: 0 }]);
  });

  it('imports a projection table through the forecast as a variant of its own', async () => {
    const { store, dir } = await countyStore();
    // 14wx is asked like 11re; the replay serves the 11re answer's shape under 14wx's name.
    const service = replayedService({
      root,
      gets: {
        vaenn: 'vaerak-list-2026.json',
        'vaenn/11re.px': '11re-metadata-2026.json',
      },
      table: 'vaenn/11re.px',
      whole: '11re-2026-made-up-by-age-sex.json',
    });
    const projection = {
      ...(pxDatasets.projection as NonNullable<typeof pxDatasets.projection>),
      tableId: '11re',
    };
    const result = await fetchPxWeb(store, service, {
      dataset: projection,
      municipalities: ['049', '091'],
      years: [2025],
      maxCells: 100_000,
      workDir: dir,
    });
    expect(result.projectionRows).toBe(404);
    expect(
      await store.all(
        `SELECT variant, count(*)::INTEGER AS n, sum(count)::INTEGER AS people FROM forecast_official_population GROUP BY variant`,
      ),
    ).toEqual([{ variant: 'statfin-11re', n: 404, people: expect.any(Number) }]);
    expect((await lastFetches(store))[0]).toMatchObject({ dataset: 'projection', rowsInserted: 404 });
  });
});
