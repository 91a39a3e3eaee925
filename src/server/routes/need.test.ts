import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeedCoefficientSetView, NeedsStandardisedCost } from '../../model/index.js';
import { asRole, getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
  // Ceera (003) gets three residents, too few to disclose; it costs 30 000 €.
  await server.store.run(
    `INSERT INTO population VALUES ('municipality', '003', 2024, 80, 'female', 3, 2, 20)`,
  );
  await server.store.run(`INSERT INTO costs VALUES ('003', 2024, 'HC', 30000, 6, 2)`);
  // A 40-year-old man's visit: the county spends 60 € on its 60 men of 36–40, 1 € each.
  await server.store.run(`INSERT INTO events VALUES
    ('demo', 'e3', DATE '2024-05-01', '002', NULL, 40, 'male', 'HC', 'U1', 'P1', 'inPerson', 'visit', 1, 60, NULL, 5, 3, NULL)`);
});
afterAll(() => server.close());

const asAnalyst = async (url: string) => {
  const response = await server.app.inject({
    method: 'GET',
    url,
    headers: { 'x-soteatlas-role': 'analyst' },
  });
  return { status: response.statusCode, body: response.json() };
};

describe('GET /api/needs-standardised-cost', () => {
  it('compares each municipality with the county, by indirect age-sex standardisation', async () => {
    const { status, body } = await asAnalyst('/api/needs-standardised-cost');
    expect(status).toBe(200);
    const result = NeedsStandardisedCost.parse(body);
    expect(result).toMatchObject({
      year: 2024,
      method: 'indirectAgeSex',
      reference: { level: 'county', code: '99', name: 'Testimaa' },
    });
    // The county: (1 250 000.5 + 30 000) € over 153 residents.
    expect(result.referenceCostPerResidentEuros).toBeCloseTo(1_280_000.5 / 153, 6);
    const bole = result.rows.find((r) => r.areaCode === '002');
    expect(bole).toMatchObject({ population: 150, netCostEuros: 1_250_000.5 });
    // The 41-year-old's visit falls in a band without residents and sets no rate. At 1 € per man of 36–40,
    // Böle expects 60 € for 150 residents against the county's 60 € for 153: need 153 / 150.
    expect(bole?.needCoefficient).toBeCloseTo(153 / 150, 12);
    expect(bole?.costIndex).toBeCloseTo(((1_250_000.5 / 150 / (1_280_000.5 / 153)) * 100) / (153 / 150), 9);
  });

  it('serves net costs only to those who may see unsuppressed figures', async () => {
    expect((await getJson(server.app, '/api/needs-standardised-cost?year=2024')).status).toBe(401);
    const manager = await getJson(server.app, '/api/needs-standardised-cost?year=2024', asRole('manager'));
    expect(manager).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const analyst = await asAnalyst('/api/needs-standardised-cost?year=2024');
    expect(analyst.body.rows.find((r: { areaCode: string }) => r.areaCode === '003').population).toBe(3);
  });

  it('answers 404 for a year without data', async () => {
    expect((await asAnalyst('/api/needs-standardised-cost?year=2001')).status).toBe(404);
  });
});

describe('GET /api/need-coefficients', () => {
  it('serves each municipality’s coefficients with the method, withholding tiny areas', async () => {
    const { status, body } = await getJson(server.app, '/api/need-coefficients');
    expect(status).toBe(200);
    const result = NeedCoefficientSetView.parse(body);
    expect(result.method).toBe('indirectAgeSex');
    expect(result.areas.map((a) => [a.areaCode, a.suppressed])).toEqual([
      ['002', false],
      ['003', true],
    ]);
    expect(result.areas[1]).toMatchObject({ health: null, total: null });
    expect(result.areas[0]?.health).toBeCloseTo(153 / 150, 12);
  });
});
