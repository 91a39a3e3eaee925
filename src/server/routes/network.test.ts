import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessLayer,
  OptimisationJob,
  RoadNetworkList,
  type Role,
  Scenario,
  ScenarioComparison,
  ScenarioList,
  ScenarioResult,
} from '../../model/index.js';
import { importRoads } from '../../network/index.js';
import { asRole, getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

/** Sends as a planner, who may edit scenarios, unless another role is named. */
const send = async (
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  role: Role = 'planner',
) => {
  const response = await server.app.inject({
    method,
    url,
    ...(payload !== undefined && { payload: payload as object }),
    headers: asRole(role),
  });
  return { status: response.statusCode, body: response.json() };
};

describe('scenarios', () => {
  it('creates, versions, lists, reads old versions and deletes', async () => {
    const created = await send('POST', '/api/network/scenarios', {
      name: 'Sulje U1',
      changes: [{ kind: 'close', unitCode: 'U1' }],
    });
    expect(created.status).toBe(200);
    const scenario = Scenario.parse(created.body);
    // The sample store's latest grid-cell population is of 2024.
    expect(scenario).toMatchObject({
      version: 1,
      baseYear: 2024,
      targetYear: 2024,
      thresholds: [10, 20, 30],
    });

    const updated = await send('PUT', `/api/network/scenarios/${scenario.id}`, {
      name: 'Sulje U1, siirrä etäpalveluihin',
      changes: [
        { kind: 'close', unitCode: 'U1' },
        { kind: 'shiftChannel', serviceClass: 'HC', channel: 'digital', share: 0.2 },
      ],
    });
    expect(Scenario.parse(updated.body)).toMatchObject({ id: scenario.id, version: 2 });
    const first = await getJson(server.app, `/api/network/scenarios/${scenario.id}?version=1`);
    expect(Scenario.parse(first.body)).toMatchObject({ version: 1, name: 'Sulje U1' });
    const list = ScenarioList.parse((await getJson(server.app, '/api/network/scenarios')).body);
    expect(list.map((s) => [s.id, s.version])).toEqual([[scenario.id, 2]]);

    expect((await send('DELETE', `/api/network/scenarios/${scenario.id}`)).status).toBe(200);
    expect((await getJson(server.app, `/api/network/scenarios/${scenario.id}`)).status).toBe(404);
    expect((await send('DELETE', `/api/network/scenarios/${scenario.id}`)).status).toBe(404);
  });

  it('refuses a change it does not know', async () => {
    const { status } = await send('POST', '/api/network/scenarios', {
      name: 'x',
      changes: [{ kind: 'demolish', unitCode: 'U1' }],
    });
    expect(status).toBe(400);
  });
});

describe('evaluation and comparison', () => {
  it('evaluates the base network and an unsaved change', async () => {
    const base = ScenarioResult.parse((await getJson(server.app, '/api/network/scenarios/base/result')).body);
    expect(base).toMatchObject({ baseYear: 2024, populationYear: 2024, travelTimeSource: 'straightLine' });
    expect(base.residents).toBe(23);
    const hc = base.classes.find((c) => c.serviceClass === 'HC');
    expect(hc?.unitCount).toBe(1);
    expect(hc?.within[0]?.all).toBe(1);

    const closed = ScenarioResult.parse(
      (
        await send('POST', '/api/network/evaluate', {
          name: 'x',
          changes: [{ kind: 'close', unitCode: 'U1' }],
        })
      ).body,
    );
    expect(closed.classes.find((c) => c.serviceClass === 'HC')).toMatchObject({
      unitCount: 0,
      meanMinutes: null,
    });
    expect(closed.units.find((u) => u.code === 'U1')?.status).toBe('closed');
    // With no unit open, every in-person visit is unreachable and unserved; the result says how it was made.
    expect(closed).toMatchObject({
      maxTravelMinutes: 120,
      demandSource: 'useRates',
      decay: { kind: 'gaussian', catchmentMinutes: 30 },
    });
    const hcClosed = closed.classes.find((c) => c.serviceClass === 'HC');
    expect(hcClosed?.unreachableResidents).toBe(23);
    expect(hcClosed?.unserved).toBe(hcClosed?.unreachableDemand);
  });

  it('takes a decay and catchment, keeps them in a saved scenario and refuses unknown kinds', async () => {
    const decay = { kind: 'stepwise', catchmentMinutes: 45 };
    const evaluated = await send('POST', '/api/network/evaluate', { name: 'x', decay });
    expect(ScenarioResult.parse(evaluated.body).decay).toEqual(decay);
    const saved = Scenario.parse((await send('POST', '/api/network/scenarios', { name: 'd', decay })).body);
    expect(saved.decay).toEqual(decay);
    const result = ScenarioResult.parse(
      (await getJson(server.app, `/api/network/scenarios/${saved.id}/result`)).body,
    );
    expect(result.decay).toEqual(decay);
    await send('DELETE', `/api/network/scenarios/${saved.id}`);
    const refused = await send('POST', '/api/network/evaluate', {
      name: 'x',
      decay: { kind: 'linear', catchmentMinutes: 30 },
    });
    expect(refused.status).toBe(400);
  });

  it('takes a network variant: none or summer with nothing closed as before, saved with a scenario', async () => {
    const before = ScenarioResult.parse((await send('POST', '/api/network/evaluate', { name: 'x' })).body);
    const summer = { season: 'summer', closedLinks: [], ferriesOut: [] };
    const same = await send('POST', '/api/network/evaluate', { name: 'x', variant: summer });
    // The same result but for how long it took.
    expect({ ...ScenarioResult.parse(same.body), evaluationMs: 0 }).toEqual({ ...before, evaluationMs: 0 });
    const saved = Scenario.parse(
      (await send('POST', '/api/network/scenarios', { name: 'w', variant: { season: 'winter' } })).body,
    );
    expect(saved.variant).toEqual({ season: 'winter', closedLinks: [], ferriesOut: [] });
    await send('DELETE', `/api/network/scenarios/${saved.id}`);
    // Without a road network of identified links there is nothing to close or slow down.
    const winter = { season: 'winter' };
    expect((await send('POST', '/api/network/evaluate', { name: 'x', variant: winter })).status).toBe(400);
    const access = await send('POST', '/api/network/access.geojson', { serviceClass: 'HC', variant: winter });
    expect(access.status).toBe(400);
    expect(
      (await send('POST', '/api/network/evaluate', { name: 'x', variant: { season: 'spring' } })).status,
    ).toBe(400);
  });

  it('shows a producer only its own units', async () => {
    const resultAs = async (producerCode: string) =>
      ScenarioResult.parse(
        (await getJson(server.app, '/api/network/scenarios/base/result', asRole('producer', producerCode)))
          .body,
      );
    expect((await resultAs('P1')).units.map((u) => u.code)).toEqual(['U1']);
    expect((await resultAs('P2')).units).toEqual([]);
    // Evaluating unsaved changes is scenario work, which a producer does not do.
    const evaluate = await server.app.inject({
      method: 'POST',
      url: '/api/network/evaluate',
      payload: { name: 'x' },
      headers: asRole('producer', 'P1'),
    });
    expect(evaluate.statusCode).toBe(403);
  });

  it('compares saved scenarios with the base network', async () => {
    const created = Scenario.parse(
      (
        await send('POST', '/api/network/scenarios', {
          name: 'kiinni',
          changes: [{ kind: 'close', unitCode: 'U1' }],
        })
      ).body,
    );
    const { status, body } = await getJson(server.app, `/api/network/compare?ids=base,${created.id}`);
    expect(status).toBe(200);
    const comparison = ScenarioComparison.parse(body);
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['base', 'kiinni']);
    const units = comparison.rows.find((r) => r.metric === 'openUnits');
    expect(units?.values).toEqual([1, 0]);
    expect(units?.differences).toEqual([0, -1]);
    expect((await getJson(server.app, '/api/network/compare?ids=base,nope')).status).toBe(404);
    expect((await getJson(server.app, '/api/network/compare?ids=base')).status).toBe(400);
  });
});

describe('access layer', () => {
  it('serves cells in WGS84 with minutes and withholds small counts from non-analysts', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/network/access.geojson',
      payload: { serviceClass: 'HC' },
    });
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const layer = AccessLayer.parse(response.json());
    const byCode = new Map(layer.features.map((f) => [f.id, f.properties]));
    expect(byCode.get('1kmN6672E0386')).toMatchObject({
      nearestUnit: 'U1',
      population: null,
      populationSuppressed: true,
    });
    expect(byCode.get('1kmN6672E0385')).toMatchObject({ population: 20, populationSuppressed: false });
    const [lon, lat] = layer.features[0]?.geometry?.coordinates[0]?.[0] ?? [];
    expect(lon).toBeGreaterThan(20);
    expect(lat).toBeGreaterThan(59);

    const analyst = AccessLayer.parse(
      (await send('POST', '/api/network/access.geojson', { serviceClass: 'HC' }, 'analyst')).body,
    );
    expect(analyst.features.find((f) => f.id === '1kmN6672E0386')?.properties.population).toBe(3);
    expect((await send('POST', '/api/network/access.geojson', { serviceClass: 'NOPE' })).status).toBe(404);
  });

  it('gives each cell its difference from a reference network', async () => {
    const moved = AccessLayer.parse(
      (
        await send('POST', '/api/network/access.geojson', {
          serviceClass: 'HC',
          changes: [{ kind: 'move', unitCode: 'U1', x: 386_800, y: 6_672_300 }],
          referenceChanges: [],
        })
      ).body,
    );
    // U1 moves 1 km east: away from cell 385 (centre 385 500), towards cell 386 (centre 386 500).
    const byCode = new Map(moved.features.map((f) => [f.id, f.properties]));
    expect(byCode.get('1kmN6672E0385')?.differenceMinutes).toBeGreaterThan(0);
    expect(byCode.get('1kmN6672E0386')?.differenceMinutes).toBeLessThan(0);
    const plain = AccessLayer.parse(
      (await send('POST', '/api/network/access.geojson', { serviceClass: 'HC' })).body,
    );
    expect(plain.features.every((f) => f.properties.differenceMinutes === null)).toBe(true);
  });
});

describe('optimisation runs', () => {
  it('starts a run, reports it and can cancel it', async () => {
    const started = OptimisationJob.parse(
      (await send('POST', '/api/network/optimisations', { serviceClass: 'HC', p: 1, candidateSites: 2 }))
        .body,
    );
    expect(started.status).toBe('running');
    let job = started;
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = OptimisationJob.parse(
        (await getJson(server.app, `/api/network/optimisations/${started.id}`)).body,
      );
    }
    expect(job.status).toBe('done');
    expect(job.result?.keep.length ?? 0 + (job.result?.open.length ?? 0)).toBeLessThanOrEqual(1);
    const cancelled = await send('DELETE', `/api/network/optimisations/${started.id}`);
    expect(cancelled.status).toBe(200);
    expect((await getJson(server.app, '/api/network/optimisations/none')).status).toBe(404);
  });

  it('takes a longest travel for every resident, and refuses one that is not a positive number', async () => {
    const refused = await send('POST', '/api/network/optimisations', {
      serviceClass: 'HC',
      p: 1,
      maxTravelMinutes: -5,
    });
    expect(refused.status).toBe(400);
    const started = OptimisationJob.parse(
      (
        await send('POST', '/api/network/optimisations', {
          serviceClass: 'HC',
          p: 1,
          candidateSites: 0,
          maxTravelMinutes: 0.001,
        })
      ).body,
    );
    expect(started.request.maxTravelMinutes).toBe(0.001);
    let job = started;
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = OptimisationJob.parse(
        (await getJson(server.app, `/api/network/optimisations/${started.id}`)).body,
      );
    }
    expect(job.status).toBe('done');
    // The sample county has no in-person demand for HC in its target year: no resident, nothing beyond.
    expect(job.result?.status).toBe('optimal');
    expect(job.result?.beyondReach).toBeUndefined();
  });
});

describe('equity optimisation runs', () => {
  const run = async (payload: object) => {
    const started = await send('POST', '/api/network/optimisations', payload);
    expect(started.status).toBe(200);
    let job = OptimisationJob.parse(started.body);
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = OptimisationJob.parse((await getJson(server.app, `/api/network/optimisations/${job.id}`)).body);
    }
    return job;
  };

  it('minimax regret weighs the base-year and target-year demand and says the answer is exact', async () => {
    const job = await run({
      serviceClass: 'HC',
      model: 'minimax-regret',
      p: 1,
      candidateSites: 2,
      baseYear: 2023,
      targetYear: 2024,
    });
    expect(job.status).toBe('done');
    const result = job.result;
    expect(result?.exact).toBe(true);
    expect(result?.status).toBe('optimal');
    expect(result?.scenarios?.map((s) => s.name)).toEqual(['2023', '2024']);
    expect(result?.maxRegret).toBe(Math.max(...(result?.scenarios ?? []).map((s) => s.regret)));
    expect(result?.objective).toBe(result?.maxRegret);
    expect((result?.keep.length ?? 0) + (result?.open.length ?? 0)).toBe(1);
  });

  // The sample county has no in-person demand in its grid cells, so the figures here are zeros; the
  // capacities binding are tested in src/network/scenario/optimise-equity.test.ts.
  it('capacitated covering serves no unit beyond its capacity', async () => {
    const job = await run({
      serviceClass: 'HC',
      model: 'capacitated-covering',
      p: 2,
      candidateSites: 3,
      coverMinutes: 30,
      // The sample county's in-person visits are of 2023; its grid cells of 2024.
      baseYear: 2023,
      targetYear: 2024,
    });
    expect(job.status).toBe('done');
    const result = job.result;
    expect(result?.exact).toBe(true);
    expect(result?.loads).toHaveLength(2);
    for (const site of result?.loads ?? []) expect(site.load).toBeLessThanOrEqual(site.capacity + 1e-9);
    expect(result?.covered).toBeCloseTo((result?.loads ?? []).reduce((a, s) => a + s.load, 0));
  });

  it('refuses what the equity models do not take', async () => {
    const refused = await send('POST', '/api/network/optimisations', {
      serviceClass: 'HC',
      model: 'capacitated-covering',
      maxTravelMinutes: 30,
    });
    expect(refused.status).toBe(400);
  });
});

describe('road networks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soteatlas-network-routes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** A residential street along the sample county's two populated cells, at a northing of `y`. */
  const street = (name: string, y: number) => {
    const path = join(dir, `${name}.geojson`);
    const coordinates = [385_000, 386_000, 387_000].map((x) => [x, y]);
    writeFileSync(
      path,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { highway: 'residential' },
            geometry: { type: 'LineString', coordinates },
          },
        ],
      }),
    );
    return path;
  };

  it('lists the networks, lets the county (not a producer) choose one, and results name it', async () => {
    await importRoads(server.store, street('south', 6_672_300), { hierarchies: false });
    await importRoads(server.store, street('north', 6_672_700), { hierarchies: false });
    const listed = RoadNetworkList.parse((await getJson(server.app, '/api/network/roads')).body);
    expect(listed.map((n) => [n.name, n.active])).toEqual([
      ['north', false],
      ['south', true],
    ]);

    const producer = await server.app.inject({
      method: 'PUT',
      url: '/api/network/roads/active',
      payload: { name: 'north' },
      headers: { 'x-soteatlas-role': 'producer', 'x-soteatlas-producer': 'P1' },
    });
    expect({ status: producer.statusCode, body: producer.json() }).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    });
    const unknown = await send('PUT', '/api/network/roads/active', { name: 'east' }, 'planner');
    expect(unknown).toMatchObject({ status: 404, body: { error: 'notFound', details: { network: 'east' } } });

    const evaluate = async (body: object) =>
      ScenarioResult.parse((await send('POST', '/api/network/evaluate', { name: 'x', ...body })).body);
    expect((await evaluate({})).travel.network?.name).toBe('south');
    const chosen = await send('PUT', '/api/network/roads/active', { name: 'north' }, 'planner');
    expect(chosen).toMatchObject({ status: 200, body: { name: 'north', active: true } });
    const result = await evaluate({});
    expect(result.travel).toMatchObject({ network: { name: 'north', revision: 1 }, straightLineOrigins: 0 });
    expect(result.travelTimeSource).toBe('roadNetwork');
    expect((await evaluate({ roadNetwork: 'south' })).travel.network?.name).toBe('south');

    const layer = await send('POST', '/api/network/access.geojson', {
      serviceClass: 'HC',
      roadNetwork: 'south',
    });
    expect(AccessLayer.parse(layer.body).travel.network?.name).toBe('south');

    // A saved scenario records the network it is evaluated on.
    const saved = Scenario.parse(
      (await send('POST', '/api/network/scenarios', { name: 'etelä', roadNetwork: 'south' })).body,
    );
    expect(saved.roadNetwork).toMatchObject({ name: 'south', revision: 1 });
    const savedResult = ScenarioResult.parse(
      (await getJson(server.app, `/api/network/scenarios/${saved.id}/result`)).body,
    );
    expect(savedResult.travel.network?.name).toBe('south');
    // Compared with the base network on the active one, each scenario says which network it was on.
    const compared = ScenarioComparison.parse(
      (await getJson(server.app, `/api/network/compare?ids=base,${saved.id}`)).body,
    );
    expect(compared.scenarios.map((s) => s.travel.network?.name)).toEqual(['north', 'south']);
    await send('PUT', '/api/network/roads/active', { name: 'south' }, 'planner');
  });
});
