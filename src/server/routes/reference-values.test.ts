import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndicatorStore } from '../../indicators/testing.js';
import { ReferenceComparison, ReferenceIndicatorList } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { buildServer } from '../server.js';
import { headerAccess } from '../testing.js';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await openIndicatorStore();
  for (const [level, code, value] of [
    ['country', 'SSS', 8.1],
    ['county', '99', 7.2],
    ['county', '90', 8.6],
    ['municipality', '101', 6.9],
  ] as const)
    await store.run(
      `INSERT INTO reference_values VALUES ('thl-sotkanet', '171', NULL, $1, $2, 2023, 'total', $3, NULL, NULL, 1, 1)`,
      [level, code, value],
    );
  app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
});
afterAll(async () => {
  await app.close();
  store.close();
});

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url, headers: { 'x-soteatlas-role': 'manager' } });
  return { status: response.statusCode, body: response.json() };
};

describe('GET /api/reference-values', () => {
  it('lists the reference indicators and compares one across the organisers, with the attribution', async () => {
    expect(ReferenceIndicatorList.parse((await get('/api/reference-values')).body)).toHaveLength(1);
    const { status, body } = await get('/api/reference-values/171?year=2023');
    expect(status).toBe(200);
    const comparison = ReferenceComparison.parse(body);
    expect(comparison.organisers.map((o) => o.areaCode)).toEqual(['90', '99']);
    expect(comparison.organisers.find((o) => o.own)?.areaCode).toBe('99');
    expect(comparison.municipalities).toMatchObject([{ areaCode: '101', value: 6.9, own: true }]);
    expect(comparison.attribution.fi).toBe('Lähde: THL, Sotkanet.fi, CC BY 4.0');
  });

  it('answers 404 for an indicator with no reference values', async () => {
    expect((await get('/api/reference-values/5')).status).toBe(404);
  });
});
