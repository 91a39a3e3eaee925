import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvents, tinyEvents } from '../../chains/testing.js';
import {
  ChainList,
  ChainResult,
  ChainVersionList,
  IndicatorCatalogue,
  IndicatorResult,
  MonitoringSet,
  MonitoringSetView,
  ProjectView,
  StoredChain,
  Target,
} from '../../model/index.js';
import type { AuditSink } from '../../state/index.js';
import { openTestServer } from '../testing.js';

const audited: Parameters<AuditSink['append']>[0][] = [];
let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer({ audit: { append: async (entry) => void audited.push(entry) } });
  await insertEvents(server.store, tinyEvents);
});
afterAll(() => server.close());

const request = async (method: 'GET' | 'PUT' | 'POST', url: string, role: string, payload?: object) => {
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

describe('creating a service chain', () => {
  const copyId = 'hip-fracture-copy';

  it('saves a copy of a shipped chain under a new id as version 1, audited, and refuses a taken or malformed id', async () => {
    const hip = StoredChain.parse((await request('GET', '/api/chains/hip-fracture', 'manager')).body);
    const definition = {
      ...hip.definition,
      id: copyId,
      nameEn: 'Hip fracture, copy',
      returns: { ...hip.definition.returns, withinDays: 14 },
    };
    const body = { definition, copiedFrom: 'hip-fracture' };
    expect((await request('POST', '/api/chains', 'planner', body)).status).toBe(403);
    const created = await request('POST', '/api/chains', 'manager', body);
    expect(created.status).toBe(200);
    expect(StoredChain.parse(created.body)).toMatchObject({ version: 1, shipped: false });
    // The id is taken now, as a shipped chain's id always is.
    expect((await request('POST', '/api/chains', 'manager', body)).status).toBe(409);
    const shippedId = await request('POST', '/api/chains', 'manager', {
      definition: { ...definition, id: 'hip-fracture' },
    });
    expect(shippedId.status).toBe(409);
    expect(
      (await request('POST', '/api/chains', 'manager', { definition: { ...definition, id: 'Hip Copy' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await request('POST', '/api/chains', 'manager', {
          definition: { ...definition, id: 'another-copy' },
          copiedFrom: 'no-such',
        })
      ).status,
    ).toBe(400);

    const list = ChainList.parse((await request('GET', '/api/chains', 'planner')).body);
    expect(list.find((c) => c.definition.id === copyId)?.definition.returns.withinDays).toBe(14);
    const versions = ChainVersionList.parse(
      (await request('GET', `/api/chains/${copyId}/versions`, 'planner')).body,
    );
    expect(versions.map((v) => [v.version, v.savedAt === null])).toEqual([[1, false]]);
    const result = ChainResult.parse(
      (await request('GET', `/api/chains/${copyId}/results?period=2024`, 'analyst')).body,
    );
    expect([result.version, result.total.steps.map((s) => s.reached.value)]).toEqual([1, [4, 3, 2, 1]]);

    const creations = audited.filter((e) => e.action === 'chains.create');
    expect(creations.map((e) => [e.resource, e.parameters])).toEqual([
      [`chain:${copyId}`, { version: 1, steps: 4, copiedFrom: 'hip-fracture' }],
    ]);
    const refused = audited.filter((e) => e.action === 'POST /api/chains').map((e) => e.status);
    expect(refused).toEqual([403, 409, 409, 400, 400]);
  });

  it('lists the new chain’s measures as indicators, its return rule in the words of its returns', async () => {
    const list = IndicatorCatalogue.parse((await request('GET', '/api/indicators', 'manager')).body);
    const returns = list.find((d) => d.id === `chain:${copyId}:returns`);
    expect(returns?.description.en).toContain('within 14 days of their last step');
    expect(returns?.title.en).toBe('Hip fracture, copy: share returning');
  });
});

describe('a chain measure as an indicator', () => {
  const id = 'chain:hip-fracture:reach-final';
  /** Two entries in 2023 that reach no further than the first step, so that the series has two years. */
  const earlier = [
    { client: 'hip-2023-a', date: '2023-03-01', serviceClass: 'EMC', producer: 'P1' },
    { client: 'hip-2023-b', date: '2023-04-01', serviceClass: 'EMC', producer: 'P1' },
  ];
  beforeAll(() => insertEvents(server.store, earlier));

  it('is listed with the built-in indicators and computed for the county by year', async () => {
    const list = IndicatorCatalogue.parse((await request('GET', '/api/indicators', 'manager')).body);
    expect(list.find((d) => d.id === id)).toMatchObject({ source: 'chain', unit: { en: '%' } });
    expect(list.some((d) => d.id === 'hc-visits-per-1000')).toBe(true);
    const values = IndicatorResult.parse(
      (await request('GET', `/api/indicators/${id}?level=county&fromYear=2023&toYear=2024`, 'analyst')).body,
    ).values;
    expect(values.map((v) => [v.period, v.value, v.numerator, v.denominator])).toEqual([
      ['2023', 0, 0, 2],
      ['2024', 25, 1, 4],
    ]);
    expect((await request('GET', `/api/indicators/${id}?level=gridCell`, 'analyst')).status).toBe(400);
    expect((await request('GET', '/api/indicators/chain:no-such:reach-final', 'analyst')).status).toBe(404);
  });

  it('takes a target through the API, joins a monitoring set and gets its status and trend', async () => {
    const target = {
      indicatorId: id,
      scope: { level: 'county' },
      period: '2025',
      targetValue: 50,
      direction: 'higherIsBetter',
      tolerance: 5,
    };
    const saved = await request('POST', '/api/targets', 'analyst', target);
    expect(saved.status).toBe(200);
    expect(Target.parse(saved.body)).toMatchObject({ indicatorId: id, targetValue: 50 });
    // The share reaching the last step is better higher: a target calling lower better is refused.
    const wrongWay = await request('POST', '/api/targets', 'analyst', {
      ...target,
      direction: 'lowerIsBetter',
    });
    expect(wrongWay.status).toBe(400);
    const unknown = await request('POST', '/api/targets', 'analyst', {
      ...target,
      indicatorId: 'chain:no-such:returns',
    });
    expect(unknown.status).toBe(400);

    const created = await request('POST', '/api/monitoring-sets', 'analyst', {
      name: 'Palveluketjut',
      items: [
        { indicatorId: id },
        { indicatorId: 'chain:hip-fracture:returns', scope: { level: 'producer', code: 'P1' } },
      ],
    });
    expect(created.status).toBe(200);
    const set = MonitoringSet.parse(created.body);
    const view = MonitoringSetView.parse(
      (await request('GET', `/api/monitoring-sets/${set.id}?year=2024&years=2`, 'analyst')).body,
    );
    const [reach, returns] = view.items;
    expect(reach).toMatchObject({
      note: null,
      value: 25,
      target: { targetValue: 50 },
      indicatorDirection: 'higherIsBetter',
    });
    expect(reach?.title?.en).toBe(
      'Hip fracture: from emergency to home or 24-hour care: share reaching the last step',
    );
    expect(reach?.assessment).toMatchObject({ status: 'off', variance: -25 });
    expect(reach?.series.map((p) => [p.period, p.value])).toEqual([
      ['2023', 0],
      ['2024', 25],
    ]);
    expect(reach?.trend).toMatchObject({ periodsUsed: 2, movement: 'improving', targetDate: '2025-12-31' });
    // Chain measures are not broken down by producer.
    expect(returns?.note).toContain('cannot be broken down by producer');

    const managed = MonitoringSetView.parse(
      (await request('GET', `/api/monitoring-sets/${set.id}?year=2024&years=2`, 'manager')).body,
    ).items[0];
    expect(managed).toMatchObject({ value: null, suppressed: true, assessment: { status: 'unknown' } });
    expect(managed?.series.every((p) => p.value === null || p.value === 0)).toBe(true);
  });

  it('is an expected effect of a programme project, shown with its value in the status pack', async () => {
    const created = await request('POST', '/api/programme/projects', 'steering', {
      code: 'K1',
      name: 'Lonkkamurtumaketju',
      phase: 'implementation',
      start: '2023-01-01',
      end: '2025-12-31',
      effects: [
        { indicatorId: id, baselinePeriod: '2023', baselineValue: 0, expectedValue: 50, expectedBy: '2025' },
      ],
    });
    expect(created.status).toBe(200);
    const project = ProjectView.parse(
      (await request('GET', '/api/programme/projects/K1?year=2024', 'analyst')).body,
    );
    const [effect] = project.effectViews;
    expect(effect?.note).toBeNull();
    expect(effect?.title?.en).toContain('Hip fracture');
    expect(effect?.latest).toMatchObject({ period: '2024', value: 25 });
    expect(effect?.series.map((p) => [p.period, p.value])).toEqual([
      ['2023', 0],
      ['2024', 25],
    ]);
    const unknown = await request('POST', '/api/programme/projects', 'steering', {
      code: 'K2',
      name: 'Tuntematon',
      phase: 'planning',
      start: '2023-01-01',
      end: '2025-12-31',
      effects: [
        {
          indicatorId: 'chain:no-such:returns',
          baselinePeriod: '2023',
          baselineValue: 0,
          expectedValue: 1,
          expectedBy: '2025',
        },
      ],
    });
    expect(unknown.status).toBe(400);
  });
});
