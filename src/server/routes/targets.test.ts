import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MonitoringSet,
  MonitoringSetList,
  MonitoringSetView,
  Target,
  TargetList,
} from '../../model/index.js';
import { getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

const send = async (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, role = 'analyst') => {
  const response = await server.app.inject({
    method,
    url,
    headers: { 'x-soteatlas-role': role, ...(role === 'producer' && { 'x-soteatlas-producer': 'P2' }) },
    ...(payload !== undefined && { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() };
};

const getAs = async (url: string, role: string) => {
  const response = await server.app.inject({ method: 'GET', url, headers: { 'x-soteatlas-role': role } });
  return { status: response.statusCode, body: response.json() };
};

const hcVisits = {
  indicatorId: 'hc-visits-per-1000',
  target: { period: '2025', targetValue: 20, direction: 'higherIsBetter', tolerance: 5 },
};

describe('the shipped top management monitoring set', () => {
  it('is there the first time sets are asked for, with its indicators in order and targets', async () => {
    const { status, body } = await getJson(server.app, '/api/monitoring-sets');
    expect(status).toBe(200);
    const top = MonitoringSetList.parse(body).find((s) => s.name === 'Top management monitoring set');
    expect(top?.indicatorCount).toBeGreaterThanOrEqual(8);
    expect(top?.indicatorCount).toBeLessThanOrEqual(12);

    const view = MonitoringSetView.parse((await getJson(server.app, `/api/monitoring-sets/${top?.id}`)).body);
    expect(view.items.map((i) => i.position)).toEqual(view.items.map((_, i) => i));
    for (const item of view.items) {
      // Every shipped indicator exists in the built-in package and has a target.
      expect(item.note, item.indicatorId).toBeNull();
      expect(item.title?.en).toBeTruthy();
      expect(item.target?.period).toBe('2026');
      expect(item.scope).toEqual({ level: 'county', code: null });
      expect(item.areaCode).toBe('99');
    }
  });
});

describe('monitoring sets through the API', () => {
  let created: MonitoringSet;

  it('creates a set whose items carry targets, and shows value, status, variance, trend and sparkline', async () => {
    const { status, body } = await send('POST', '/api/monitoring-sets', {
      name: 'Perusterveydenhuolto',
      items: [hcVisits, { indicatorId: 'oral-health-visits-per-1000' }],
    });
    expect(status).toBe(200);
    created = MonitoringSet.parse(body);
    expect(created).toMatchObject({ version: 1, indicatorCount: 2 });
    expect(created.items[0]?.target).toMatchObject({
      targetValue: 20,
      period: '2025',
      scope: { level: 'county' },
    });
    expect(created.items[1]?.target).toBeNull();

    const view = MonitoringSetView.parse(
      (await getAs(`/api/monitoring-sets/${created.id}?year=2024&years=2`, 'analyst')).body,
    );
    expect(view).toMatchObject({ fromYear: 2023, toYear: 2024, periodType: 'year' });
    const [visits, cost] = view.items;
    expect(visits?.series.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(visits?.period).toBe('2024');
    const value = visits?.value ?? Number.NaN;
    expect(value).toBeGreaterThan(0);
    expect(visits?.lower).toBeLessThan(value);
    expect(visits?.assessment.variance).toBeCloseTo(value - 20, 10);
    expect(visits?.assessment.status).toBe(value >= 20 ? 'onTarget' : value >= 15 ? 'near' : 'off');
    expect(visits?.trend).toMatchObject({ periodsUsed: 2, targetDate: '2025-12-31' });
    expect(cost?.assessment.status).toBe('unknown');
    expect(cost?.trend).toBeNull();
  });

  it('withholds figures about one or two visits from anyone but an analyst, and then knows no status', async () => {
    const view = MonitoringSetView.parse(
      (await getJson(server.app, `/api/monitoring-sets/${created.id}?year=2024`)).body,
    );
    const visits = view.items[0];
    expect(visits).toMatchObject({
      value: null,
      suppressed: true,
      assessment: { status: 'unknown', variance: null },
    });
    expect(visits?.series.at(-1)).toMatchObject({ period: '2024', value: null, suppressed: true });
  });

  it('replaces a set only when the edit names the current version', async () => {
    const edit = {
      name: 'Perusterveydenhuolto 2025',
      items: [{ indicatorId: 'oral-health-visits-per-1000' }, hcVisits],
    };
    const stale = await send('PUT', `/api/monitoring-sets/${created.id}`, { ...edit, version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/version 1/);
    const { status, body } = await send('PUT', `/api/monitoring-sets/${created.id}`, { ...edit, version: 1 });
    expect(status).toBe(200);
    const saved = MonitoringSet.parse(body);
    expect(saved).toMatchObject({ name: 'Perusterveydenhuolto 2025', version: 2 });
    expect(saved.items.map((i) => i.indicatorId)).toEqual([
      'oral-health-visits-per-1000',
      'hc-visits-per-1000',
    ]);
  });

  it('refuses unknown indicators, taken names, invalid targets and producers', async () => {
    expect(
      (await send('POST', '/api/monitoring-sets', { name: 'X', items: [{ indicatorId: 'nope' }] })).status,
    ).toBe(400);
    expect(
      (await send('POST', '/api/monitoring-sets', { name: 'perusterveydenhuolto 2025', items: [] })).status,
    ).toBe(409);
    const invalid = await send('POST', '/api/monitoring-sets', {
      name: 'Y',
      items: [{ ...hcVisits, target: { ...hcVisits.target, period: 'next year' } }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues[0].path).toBe('items.0.target.period');
    expect((await send('POST', '/api/monitoring-sets', { name: 'Z', items: [] }, 'producer')).status).toBe(
      403,
    );
  });

  it('names the code of each refusal: forbidden for a producer, conflict for a taken name or stale version', async () => {
    const producer = await send('POST', '/api/monitoring-sets', { name: 'Z', items: [] }, 'producer');
    expect(producer).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const taken = await send('POST', '/api/monitoring-sets', {
      name: 'perusterveydenhuolto 2025',
      items: [],
    });
    expect(taken).toMatchObject({ status: 409, body: { error: 'conflict' } });
    const stale = await send('PUT', `/api/monitoring-sets/${created.id}`, {
      name: 'X',
      items: [],
      version: 1,
    });
    expect(stale).toMatchObject({
      status: 409,
      body: { error: 'conflict', details: { version: 1, currentVersion: 2 } },
    });
    const unknown = await send('POST', '/api/monitoring-sets', {
      name: 'X',
      items: [{ indicatorId: 'nope' }],
    });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'invalidRequest' } });
  });

  it('deletes a set; the shipped one, once deleted, does not come back', async () => {
    const sets = MonitoringSetList.parse((await getJson(server.app, '/api/monitoring-sets')).body);
    for (const set of sets)
      expect((await send('DELETE', `/api/monitoring-sets/${set.id}`)).body).toEqual({
        id: set.id,
        deleted: true,
      });
    expect((await getJson(server.app, `/api/monitoring-sets/${created.id}`)).status).toBe(404);
    expect((await send('DELETE', `/api/monitoring-sets/${created.id}`)).status).toBe(404);
    expect((await getJson(server.app, '/api/monitoring-sets')).body).toEqual([]);
  });
});

describe('targets through the API', () => {
  it('sets, lists, replaces and deletes targets; one per indicator, scope and period', async () => {
    const input = {
      indicatorId: 'emergency-visits-per-1000',
      scope: { level: 'municipality', code: '002' },
      period: '2025-Q4',
      targetValue: 300,
      direction: 'lowerIsBetter',
      tolerance: 10,
    };
    const first = Target.parse((await send('POST', '/api/targets', input)).body);
    const again = Target.parse((await send('POST', '/api/targets', { ...input, targetValue: 290 })).body);
    expect(again.id).toBe(first.id);
    expect(again.targetValue).toBe(290);
    const listed = TargetList.parse(
      (await getJson(server.app, '/api/targets?indicatorId=emergency-visits-per-1000')).body,
    );
    // The shipped set has the county's target for the indicator; this one is the municipality's.
    expect(listed.filter((t) => t.scope.level === 'municipality')).toHaveLength(1);
    const replaced = await send('PUT', `/api/targets/${first.id}`, { ...input, period: '2026' });
    expect(replaced.body).toMatchObject({ id: first.id, period: '2026', targetValue: 300 });
    expect((await getJson(server.app, `/api/targets/${first.id}`)).body.period).toBe('2026');
    expect((await send('DELETE', `/api/targets/${first.id}`)).body).toEqual({ id: first.id, deleted: true });
    expect((await getJson(server.app, `/api/targets/${first.id}`)).status).toBe(404);
    const noCode = await send('POST', '/api/targets', { ...input, scope: { level: 'unit' } });
    expect(noCode.status).toBe(400);
  });
});
