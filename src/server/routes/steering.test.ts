import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import { asRole, getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer({ store: await openForecastTestStore() });
}, 240_000);
afterAll(() => server?.close());

const asKaislikko = asRole('producer', 'KAISLIKKO');

describe('producer steering API', () => {
  it('serves the steering officer every producer, with the demo anomalies flagged', async () => {
    const { status, body } = await getJson(server.app, '/api/steering/producers', asRole('steering'));
    expect(status).toBe(200);
    expect(body.length).toBe(10);
    const flags = Object.fromEntries(body.map((p: { code: string; flags: string[] }) => [p.code, p.flags]));
    expect(flags.NORDICA).toContain('overCeiling');
    expect(flags.AAMURUSKO).toContain('overdueAction');
  });

  it("shows a producer's users their own producer, contracts, scorecard and invoice lines only", async () => {
    const register = await getJson(server.app, '/api/steering/producers', asKaislikko);
    expect(register.body.map((p: { code: string }) => p.code)).toEqual(['KAISLIKKO']);
    const own = await getJson(
      server.app,
      '/api/steering/producers/KAISLIKKO/scorecard?period=2025',
      asKaislikko,
    );
    expect(own.status).toBe(200);
    expect(own.body.billing.differences.length).toBe(1);
    const contracts = await getJson(server.app, '/api/steering/producers/KAISLIKKO/contracts', asKaislikko);
    expect(contracts.body.every((c: { producerCode: string }) => c.producerCode === 'KAISLIKKO')).toBe(true);
    const lines = await getJson(server.app, '/api/steering/reconciliation?period=2025-10', asKaislikko);
    expect(new Set(lines.body.lines.map((l: { producerCode: string }) => l.producerCode))).toEqual(
      new Set(['KAISLIKKO']),
    );
    const calendar = await getJson(server.app, '/api/steering/calendar', asKaislikko);
    expect(calendar.body.items.every((i: { producerCode: string }) => i.producerCode === 'KAISLIKKO')).toBe(
      true,
    );
  });

  it("answers another producer's contract, scorecard and the cross-producer comparison as not found", async () => {
    for (const url of [
      '/api/steering/producers/NORDICA/contracts',
      '/api/steering/producers/NORDICA/scorecard?period=2025',
      '/api/steering/comparison?serviceClass=HC&period=2025',
    ]) {
      const { status, body } = await getJson(server.app, url, asKaislikko);
      expect(status, url).toBe(404);
      expect(JSON.stringify(body), url).not.toContain('NORDICA-REH');
    }
    expect(
      (await getJson(server.app, '/api/steering/producers/NORDICA/scorecard', asRole('steering'))).status,
    ).toBe(200);
  });

  it('refuses the public, and serves the calendar as an iCalendar feed', async () => {
    expect((await getJson(server.app, '/api/steering/producers', asRole('public'))).status).toBe(401);
    expect((await getJson(server.app, '/api/steering/producers', asRole('planner'))).status).toBe(403);
    const ics = await server.app.inject({ url: '/api/steering/calendar.ics', headers: asRole('steering') });
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.body).toContain('SUMMARY:Optiosta päätettävä: ');
  });
});
