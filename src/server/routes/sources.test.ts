import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFetch } from '../../connectors/index.js';
import { SourceFetch, SourceFetchList } from '../../model/index.js';
import { asRole, getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
  await recordFetch(server.store, {
    fetchedSource: {
      source: 'statfin-pxweb',
      url: 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/11re.px',
      licence: 'CC BY 4.0',
      attribution: 'Source: Statistics Finland (Tilastokeskus), StatFin database, table 11re',
      fetchedAt: '2026-06-10T08:00:00.000Z',
    },
    dataset: 'population',
    importId: null,
    queries: 2,
    unchangedAnswers: 2,
    cells: 404,
    rowsInserted: 0,
    rowsUpdated: 0,
    structure: [{ code: 'alue_23_20260101', text: 'Alue' }],
  });
});
afterAll(() => server.close());

describe('GET /api/sources', () => {
  it("gives each source's last fetch with its licence, attribution and what changed", async () => {
    const { status, body } = await getJson(server.app, '/api/sources', asRole('manager'));
    expect(status).toBe(200);
    expect(SourceFetchList.parse(body)).toEqual([
      {
        source: 'statfin-pxweb',
        dataset: 'population',
        url: 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/11re.px',
        licence: 'CC BY 4.0',
        attribution: 'Source: Statistics Finland (Tilastokeskus), StatFin database, table 11re',
        fetchedAt: '2026-06-10T08:00:00.000Z',
        importId: null,
        queries: 2,
        unchangedAnswers: 2,
        cells: 404,
        rowsInserted: 0,
        rowsUpdated: 0,
        changes: ['first fetch', 'the service confirmed every answer unchanged'],
      },
    ]);
  });
});

describe('POST /api/sources/fetch', () => {
  const replay = fileURLToPath(new URL('../../connectors/pxweb/fixtures/replay', import.meta.url));
  const post = (headers: Record<string, string>, payload: object) =>
    server.app.inject({ method: 'POST', url: '/api/sources/fetch', headers, payload });

  it('is refused to anyone without the import permission', async () => {
    expect(
      (await post(asRole('manager'), { source: 'statfin-pxweb', dataset: 'population' })).statusCode,
    ).toBe(403);
  });

  it("fetches (here: replays) the table for the store's municipalities and imports it", async () => {
    process.env.SOTEATLAS_FETCH_FROM = replay;
    try {
      // The sample store's municipalities (001–003) are not in 11re: said so, nothing fetched.
      const none = await post(asRole('analyst'), {
        source: 'statfin-pxweb',
        dataset: 'population',
        years: [2025],
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().message).toMatch(
        /none of the municipalities asked for \(001, 002, 003\) is in the table/,
      );
      // What the Data page words in the reader's language.
      expect(none.json().details).toEqual({
        refusal: 'municipalitiesNotInTable',
        municipalities: '001, 002, 003',
      });
      await server.store.run(
        `INSERT INTO areas (level, code, name_fi, valid_from_year, import_id, source_line)
         VALUES ('municipality', '049', 'Espoo', 2020, 1, 0), ('municipality', '091', 'Helsinki', 2020, 1, 0)`,
      );
      // The sample store wrote imports 1 and 2 by hand, past its sequence.
      await server.store.all(`SELECT nextval('import_id_seq'), nextval('import_id_seq')`);
      const done = await post(asRole('analyst'), {
        source: 'statfin-pxweb',
        dataset: 'population',
        years: [2025],
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(SourceFetch.parse(done.json())).toMatchObject({
        source: 'statfin-pxweb',
        dataset: 'population',
        cells: 404,
        rowsInserted: 404,
        licence: 'CC BY 4.0',
      });
    } finally {
      delete process.env.SOTEATLAS_FETCH_FROM;
    }
  });
});
