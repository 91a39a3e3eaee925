import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PopulationSummary } from '../../model/index.js';
import { getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

describe('GET /api/population', () => {
  it('summarises municipalities in the latest year by default', async () => {
    const { status, body } = await getJson(server.app, '/api/population');
    expect(status).toBe(200);
    const summary = PopulationSummary.parse(body);
    expect(summary).toMatchObject({ level: 'municipality', year: 2024, areaCode: null });
    expect(summary.ageGroups.map((g) => g.code)).toEqual(['0-6', '7-17', '18-64', '65-74', '75-84', '85+']);
    expect(summary.rows.find((r) => r.ageGroup === '18-64')).toEqual({
      areaCode: '002',
      year: 2024,
      ageGroup: '18-64',
      male: 60,
      female: 50,
      total: 110,
      suppressed: false,
    });
  });

  it('never serves a count of 1 to 4, and never serves one as 0', async () => {
    const { body } = await getJson(server.app, '/api/population?level=gridCell&areaCode=1kmN6672E0385');
    const rows = PopulationSummary.parse(body).rows;
    expect(rows.find((r) => r.ageGroup === '0-6')).toMatchObject({
      male: null,
      female: 10,
      suppressed: true,
    });
    expect(rows.find((r) => r.ageGroup === '85+')).toMatchObject({
      female: null,
      total: null,
      suppressed: true,
    });
    const figures = rows.flatMap((r) => [r.male, r.female, r.total]);
    expect(figures.filter((n) => n !== null && n >= 1 && n <= 4)).toEqual([]);
  });

  it('answers 400 for an unknown level', async () => {
    const { status, body } = await getJson(server.app, '/api/population?level=village');
    expect(status).toBe(400);
    expect(body.issues[0].path).toBe('level');
  });
});
