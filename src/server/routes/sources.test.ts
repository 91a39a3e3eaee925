import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFetch } from '../../connectors/index.js';
import { SourceFetchList } from '../../model/index.js';
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
