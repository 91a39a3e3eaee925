import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../importers/index.js';
import { tempDir, writeText } from '../../importers/testing.js';
import { openStore, type Store } from '../../store/index.js';
import { lastFetches } from '../fetch-log.js';
import { type Fetcher, SourceRefused, SourceUnreachable } from '../fetcher.js';
import type { PxQuery } from './api.js';
import { statFinApi } from './api.js';
import { pxDatasets } from './datasets.js';
import { fetchPxWeb } from './fetch-pxweb.js';
import { readFixture, replayedService } from './service.fixture.js';

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

describe('fetchPxWeb: population by language (11rm)', () => {
  // The listing is Statistics Finland's recorded one (it names 11rm.px); 11rm's metadata and figures
  // are made up in the shape of the recorded 11re answers (see fixtures/README.md).
  const service = (metadata: string) =>
    replayedService({
      root,
      gets: { vaerak: 'vaerak-list-2026.json', 'vaerak/11rm.px': metadata },
      table: 'vaerak/11rm.px',
      whole: '11rm-2026-made-up-languages.json',
    });

  it('reads the metadata first and asks in its codes: Finnish, Swedish, Sámi and the foreign languages', async () => {
    const { store, dir } = await countyStore();
    const replay = service('11rm-metadata-2026-made-up.json');
    const result = await fetchPxWeb(store, replay, {
      dataset: pxDatasets.languages as NonNullable<typeof pxDatasets.languages>,
      municipalities: ['049', '091'],
      workDir: dir,
    });
    // The codes sent are the metadata's, the latest year its last one; sex is left to its total.
    expect(replay.queries).toHaveLength(1);
    expect(replay.queries[0]?.query.map((q) => [q.code, q.selection.values])).toEqual([
      ['alue_23_20260101', ['KU049', 'KU091']],
      ['timeperiod_y', ['2025']],
      ['kieli_15_20180102', ['fi', 'sv', 'se', '02']],
      ['contentscode', ['vaerak-vaesto']],
    ]);
    expect(result.import).toMatchObject({ refused: false, rowsRejected: 0, rowsAccepted: 8 });
    expect(
      await store.all(
        'SELECT area_code, year, language, count FROM population_languages ORDER BY area_code, language',
      ),
    ).toEqual([
      { area_code: '049', year: 2025, language: 'fi', count: 240000 },
      { area_code: '049', year: 2025, language: 'other', count: 39060 },
      { area_code: '049', year: 2025, language: 'smi', count: 40 },
      { area_code: '049', year: 2025, language: 'sv', count: 23000 },
      { area_code: '091', year: 2025, language: 'fi', count: 500000 },
      { area_code: '091', year: 2025, language: 'other', count: 135200 },
      { area_code: '091', year: 2025, language: 'smi', count: 150 },
      { area_code: '091', year: 2025, language: 'sv', count: 36000 },
    ]);
  });

  it('finds the same languages when the variables are coded otherwise, never by a code written in advance', async () => {
    const { store, dir } = await countyStore();
    // The same table with other variable codes, as a new version of a table may have them.
    const metadata = readFixture('11rm-metadata-2026-made-up.json') as {
      title: string;
      variables: { code: string }[];
    };
    const codes = ['Alue', 'Kieli', 'Sukupuoli', 'Vuosi', 'Tiedot'];
    const renamed = { ...metadata, variables: metadata.variables.map((v, i) => ({ ...v, code: codes[i] })) };
    const recordedCode = Object.fromEntries(metadata.variables.map((v, i) => [codes[i], v.code]));
    const replay = service('11rm-metadata-2026-made-up.json');
    const asked: PxQuery[] = [];
    // The metadata in the other codes; a query in them answered as the recorded codes would be.
    const fetcher: Fetcher = {
      async fetch(request) {
        if ((request.method ?? 'GET') === 'GET' && request.url.endsWith('/vaerak/11rm.px'))
          return {
            ...(await replay.fetch(request)),
            body: new TextEncoder().encode(JSON.stringify(renamed)),
          };
        if (request.method === 'POST') {
          const query = request.body as PxQuery;
          asked.push(query);
          const translated = query.query.map((q) => ({ ...q, code: recordedCode[q.code] ?? q.code }));
          return replay.fetch({ ...request, body: { ...query, query: translated } });
        }
        return replay.fetch(request);
      },
    };
    const result = await fetchPxWeb(store, fetcher, {
      dataset: pxDatasets.languages as NonNullable<typeof pxDatasets.languages>,
      municipalities: ['091'],
      years: [2024],
      workDir: dir,
    });
    expect(asked.map((q) => q.query.map((v) => [v.code, v.selection.values]))).toEqual([
      [
        ['Alue', ['KU091']],
        ['Vuosi', ['2024']],
        ['Kieli', ['fi', 'sv', 'se', '02']],
        ['Tiedot', ['vaerak-vaesto']],
      ],
    ]);
    expect(result.import).toMatchObject({ rowsAccepted: 4, rowsRejected: 0 });
    expect(
      await store.all(
        `SELECT language, count FROM population_languages WHERE area_code = '091' ORDER BY language`,
      ),
    ).toEqual([
      { language: 'fi', count: 495000 },
      { language: 'other', count: 133848 },
      { language: 'smi', count: 148 },
      { language: 'sv', count: 35640 },
    ]);
  });
});
