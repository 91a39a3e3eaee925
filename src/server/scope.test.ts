import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AreaList,
  IndicatorResult,
  PopulationSummary,
  ProducerList,
  Target,
  TargetList,
  UnitList,
} from '../model/index.js';
import { asRole, asRoleInAreas, getJson, openTestServer } from './testing.js';

// The sample county: units U1 (producer P1, in Böle 002) and U2 (P2, in Alppila 001); municipalities
// 001 (until 2023), 002 and 003; two grid cells in 002.
let server: Awaited<ReturnType<typeof openTestServer>>;
let p2Target: Target;
let u1Target: Target;
beforeAll(async () => {
  server = await openTestServer();
  const save = async (scope: object) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/targets',
      headers: asRole('manager'),
      payload: {
        indicatorId: 'hc-visits-per-1000',
        scope,
        period: '2026',
        targetValue: 20,
        direction: 'higherIsBetter',
        tolerance: 5,
      },
    });
    return Target.parse(response.json());
  };
  p2Target = await save({ level: 'producer', code: 'P2' });
  u1Target = await save({ level: 'unit', code: 'U1' });
});
afterAll(() => server.close());

const p1 = asRole('producer', 'P1');
const p2 = asRole('producer', 'P2');

describe('a producer', () => {
  it('sees its own units and producer only', async () => {
    const units = UnitList.parse((await getJson(server.app, '/api/units', p1)).body).units;
    expect(units.map((u) => u.code)).toEqual(['U1']);
    const theirs = UnitList.parse((await getJson(server.app, '/api/units', p2)).body).units;
    expect(theirs.map((u) => u.code)).toEqual(['U2']);
    const geojson = (await getJson(server.app, '/api/units.geojson', p1)).body;
    expect(geojson.features.map((f: { id: string }) => f.id)).toEqual(['U1']);
    const producers = ProducerList.parse((await getJson(server.app, '/api/producers', p1)).body);
    expect(producers.map((p) => p.code)).toEqual(['P1']);
  });

  it('gets 404 for another producer’s target, answered exactly as a missing id', async () => {
    const other = await getJson(server.app, `/api/targets/${p2Target.id}`, p1);
    expect(other).toMatchObject({
      status: 404,
      body: { error: 'notFound', message: `There is no target ${p2Target.id}.` },
    });
    const missing = await getJson(server.app, '/api/targets/9999', p1);
    expect(Object.keys(missing.body)).toEqual(Object.keys(other.body));
    expect(missing.body.message).toBe('There is no target 9999.');
    const unitOfAnother = await getJson(server.app, `/api/targets/${u1Target.id}`, p2);
    expect(unitOfAnother.status).toBe(404);
    expect((await getJson(server.app, `/api/targets/${p2Target.id}`, p2)).status).toBe(200);
    expect((await getJson(server.app, `/api/targets/${u1Target.id}`, p1)).status).toBe(200);
  });

  it('lists only its own and the county’s targets', async () => {
    const listed = TargetList.parse((await getJson(server.app, '/api/targets', p1)).body);
    const ids = listed.map((t) => t.id);
    expect(ids).toContain(u1Target.id);
    expect(ids).not.toContain(p2Target.id);
    expect(listed.every((t) => t.scope.level !== 'producer' || t.scope.code === 'P1')).toBe(true);
    const all = TargetList.parse((await getJson(server.app, '/api/targets', asRole('manager'))).body);
    expect(all.map((t) => t.id)).toEqual(expect.arrayContaining([p2Target.id, u1Target.id]));
  });

  it('sees figures of its own events only', async () => {
    const own = IndicatorResult.parse(
      (await getJson(server.app, '/api/indicators/hc-visits-per-1000?year=2024', p1)).body,
    );
    const other = IndicatorResult.parse(
      (await getJson(server.app, '/api/indicators/hc-visits-per-1000?year=2024', p2)).body,
    );
    expect(own.metadata.notes).toContain('Only the events and units of producer P1.');
    expect(other.values.every((v) => v.numerator === 0 || v.numerator === null)).toBe(true);
  });
});

describe('a viewer scoped to Böle (002)', () => {
  const bole = asRoleInAreas('manager', ['002']);

  it('sees Böle, its grid cells and the county, but no other municipality', async () => {
    const areas = AreaList.parse((await getJson(server.app, '/api/areas?year=2024', bole)).body).areas;
    expect(areas.map((a) => [a.level, a.code])).toEqual([
      ['county', '99'],
      ['municipality', '002'],
      ['gridCell', '1kmN6672E0385'],
      ['gridCell', '1kmN6672E0386'],
    ]);
    const all = AreaList.parse((await getJson(server.app, '/api/areas?year=2024', asRole('manager'))).body);
    expect(all.areas.map((a) => a.code)).toContain('003');
    const outlines = (await getJson(server.app, '/api/areas.geojson?year=2023', bole)).body;
    expect(outlines.features.map((f: { id: string }) => f.id)).toEqual(['002']);
  });

  it('sees population and indicator values of Böle only', async () => {
    const population = PopulationSummary.parse(
      (await getJson(server.app, '/api/population?year=2023', bole)).body,
    );
    expect(new Set(population.rows.map((r) => r.areaCode))).toEqual(new Set(['002']));
    const everyone = PopulationSummary.parse(
      (await getJson(server.app, '/api/population?year=2023', asRole('manager'))).body,
    );
    expect(new Set(everyone.rows.map((r) => r.areaCode))).toEqual(new Set(['001', '002']));
    const values = IndicatorResult.parse(
      (await getJson(server.app, '/api/indicators/hc-visits-per-1000?year=2024', bole)).body,
    ).values;
    expect(new Set(values.map((v) => v.areaCode))).toEqual(new Set(['002']));
    const asked = IndicatorResult.parse(
      (await getJson(server.app, '/api/indicators/hc-visits-per-1000?year=2024&areaCodes=003,002', bole))
        .body,
    ).values;
    expect(new Set(asked.map((v) => v.areaCode))).toEqual(new Set(['002']));
    const county = IndicatorResult.parse(
      (await getJson(server.app, '/api/indicators/hc-visits-per-1000?year=2024&level=county', bole)).body,
    ).values;
    expect(county.map((v) => v.areaCode)).toEqual(['99']);
  });

  it('sees the units located in Böle only, and no unit target elsewhere', async () => {
    const units = UnitList.parse((await getJson(server.app, '/api/units', bole)).body).units;
    expect(units.map((u) => u.code)).toEqual(['U1']);
    const alppila = asRoleInAreas('manager', ['001']);
    expect((await getJson(server.app, `/api/targets/${u1Target.id}`, alppila)).status).toBe(404);
    expect((await getJson(server.app, `/api/targets/${u1Target.id}`, bole)).status).toBe(200);
  });
});
