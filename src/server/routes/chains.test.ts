import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvents, tinyEvents } from '../../chains/testing.js';
import { ChainList, ChainResult, ChainVersionList, StoredChain } from '../../model/index.js';
import type { AuditSink } from '../../state/index.js';
import { openTestServer } from '../testing.js';

const audited: Parameters<AuditSink['append']>[0][] = [];
let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer({ audit: { append: async (entry) => void audited.push(entry) } });
  await insertEvents(server.store, tinyEvents);
});
afterAll(() => server.close());

const request = async (method: 'GET' | 'PUT', url: string, role: string, payload?: object) => {
  const response = await server.app.inject({
    method,
    url,
    headers: { 'x-soteatlas-role': role },
    ...(payload && { payload }),
  });
  return { status: response.statusCode, body: response.json() };
};

describe('service-chain routes', () => {
  it('lists the shipped chains and computes one, suppressed for a manager and whole for an analyst', async () => {
    const list = await request('GET', '/api/chains', 'manager');
    expect(list.status).toBe(200);
    expect(ChainList.parse(list.body).length).toBeGreaterThanOrEqual(5);
    const analyst = await request(
      'GET',
      '/api/chains/hip-fracture/results?period=2024&by=municipality',
      'analyst',
    );
    expect(analyst.status).toBe(200);
    expect(ChainResult.parse(analyst.body).total.steps.map((s) => s.reached.value)).toEqual([4, 3, 2, 1]);
    const manager = ChainResult.parse(
      (await request('GET', '/api/chains/hip-fracture/results?period=2024', 'manager')).body,
    );
    expect(manager.suppressed).toBe(true);
    expect(manager.total.steps.map((s) => s.reached)).toEqual(
      [4, 3, 2, 1].map(() => ({ value: null, suppressed: true })),
    );
    expect((await request('GET', '/api/chains/no-such/results?period=2024', 'manager')).status).toBe(404);
  });

  it('saves an edit as a new version for those who edit targets, refuses a stale one, and audits both', async () => {
    const hip = StoredChain.parse((await request('GET', '/api/chains/hip-fracture', 'manager')).body);
    const definition = { ...hip.definition, end: { withinDaysOfEntry: 30 } };
    expect(
      (await request('PUT', '/api/chains/hip-fracture', 'planner', { version: 1, definition })).status,
    ).toBe(403);
    const saved = await request('PUT', '/api/chains/hip-fracture', 'manager', { version: 1, definition });
    expect(saved.status).toBe(200);
    expect(StoredChain.parse(saved.body).version).toBe(2);
    expect(
      (await request('PUT', '/api/chains/hip-fracture', 'manager', { version: 1, definition })).status,
    ).toBe(409);
    const after = ChainResult.parse(
      (await request('GET', '/api/chains/hip-fracture/results?period=2024', 'analyst')).body,
    );
    expect([after.version, after.total.steps.map((s) => s.reached.value)]).toEqual([2, [4, 3, 2, 1]]);
    const versions = ChainVersionList.parse(
      (await request('GET', '/api/chains/hip-fracture/versions', 'planner')).body,
    );
    expect(versions.map((v) => [v.version, v.savedAt === null])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect((await request('GET', '/api/chains/no-such/versions', 'planner')).status).toBe(404);
    const puts = audited.filter((e) => e.action.includes('PUT /api/chains'));
    expect(puts.map((e) => e.status)).toEqual([403, 200, 409]);
  });
});
