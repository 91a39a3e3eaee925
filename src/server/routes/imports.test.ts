import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportList, RejectsPage } from '../../model/index.js';
import { asRole, getJson, openTestServer } from '../testing.js';

/** Rejected rows show the source file's values: only those who may import see them. */
const importer = asRole('analyst');

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

describe('GET /api/imports', () => {
  it('lists imports newest first with their counts', async () => {
    const { body } = await getJson(server.app, '/api/imports', importer);
    expect(ImportList.parse(body).map((i) => [i.importId, i.kind, i.rowsRejected])).toEqual([
      [2, 'population', 4],
      [1, 'areas', 0],
    ]);
  });
});

describe('GET /api/imports/:id/rejects', () => {
  it('pages through the rejected rows', async () => {
    const { status, body } = await getJson(server.app, '/api/imports/2/rejects?limit=1&offset=3', importer);
    expect(status).toBe(200);
    expect(RejectsPage.parse(body)).toEqual({
      importId: 2,
      total: 4,
      limit: 1,
      offset: 3,
      rows: [
        {
          line: 9,
          column: 'alue',
          value: ' 091',
          reason: 'unknown area code',
          code: 'legacyText',
          params: { text: 'unknown area code' },
        },
      ],
    });
  });

  it('pages 100 rows from the start by default', async () => {
    const { body } = await getJson(server.app, '/api/imports/2/rejects', importer);
    expect(body).toMatchObject({ limit: 100, offset: 0 });
    expect(body.rows).toHaveLength(4);
  });

  it('answers 404 for an unknown import and 400 for an id or a page that is not one', async () => {
    const missing = await getJson(server.app, '/api/imports/77/rejects', importer);
    expect(missing).toMatchObject({
      status: 404,
      body: { error: 'notFound', message: 'There is no import with id 77.' },
    });
    const badId = await getJson(server.app, '/api/imports/abc/rejects', importer);
    expect(badId.status).toBe(400);
    expect(badId.body.message).toMatch(/^Invalid path parameters: id: /);
    expect((await getJson(server.app, '/api/imports/2/rejects?limit=0', importer)).status).toBe(400);
    expect((await getJson(server.app, '/api/imports/2/rejects?offset=-1', importer)).status).toBe(400);
  });
});

describe('GET /api/imports/:id/rejects.csv', () => {
  it('downloads the reject report as a Finnish spreadsheet opens it', async () => {
    const response = await server.app.inject({ url: '/api/imports/2/rejects.csv', headers: importer });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="hylatyt-rivit-2.csv"');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body.split('\r\n')).toEqual([
      '\uFEFFrivi;sarake;arvo;syy',
      '3;vuosi;"x;""y""";not a year',
      '3;sukupuoli;;missing',
      "5;ika;'-3;age must be between 0 and 100",
      '9;alue;" 091";unknown area code',
      '',
    ]);
  });

  it('answers 404 as JSON for an unknown import', async () => {
    const response = await server.app.inject({ url: '/api/imports/77/rejects.csv', headers: importer });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'notFound' });
  });
});

describe('reject reasons in the language asked for', () => {
  it('gives the code and parameters, and the words in Finnish, Swedish or English', async () => {
    await server.store.run(
      `INSERT INTO rejects VALUES (1, 4, 'kunta', '999', 'unknown municipality code 999',
        'unknownMunicipalityCode', '{"value":"999"}')`,
    );
    try {
      const words: Record<string, string> = {};
      for (const lang of ['fi', 'sv', 'en']) {
        const { body } = await getJson(server.app, `/api/imports/1/rejects?lang=${lang}`, importer);
        const [row] = RejectsPage.parse(body).rows;
        expect(row).toMatchObject({ code: 'unknownMunicipalityCode', params: { value: '999' } });
        words[lang] = row?.reason ?? '';
        const csv = await server.app.inject({
          url: `/api/imports/1/rejects.csv?lang=${lang}`,
          headers: importer,
        });
        expect(csv.body.split('\r\n')[1]).toBe(`4;kunta;999;${words[lang]}`);
      }
      expect(words).toEqual({
        fi: 'tuntematon kuntakoodi 999',
        sv: 'okänd kommunkod 999',
        en: 'unknown municipality code 999',
      });
      const { body } = await getJson(server.app, '/api/imports/1/rejects', importer);
      expect(body.rows[0].reason).toBe('tuntematon kuntakoodi 999');
      expect((await getJson(server.app, '/api/imports/1/rejects?lang=de', importer)).status).toBe(400);
    } finally {
      await server.store.run('DELETE FROM rejects WHERE import_id = 1');
    }
  });
});
