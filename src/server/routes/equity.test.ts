import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessLayer, EquityResult, type Role, ScenarioActions } from '../../model/index.js';
import { asRole, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

const post = async (url: string, payload: object, role: Role = 'planner') => {
  const response = await server.app.inject({ method: 'POST', url, payload, headers: asRole(role) });
  return { status: response.statusCode, body: response.json() };
};

describe('equity of access', () => {
  it('gives Gini, Palma, residents beyond the limit and the distribution by age group and municipality', async () => {
    const answer = await post('/api/network/equity', { serviceClass: 'HC', limitMinutes: 0.6 }, 'analyst');
    expect(answer.status).toBe(200);
    const equity = EquityResult.parse(answer.body);
    const sum = (groups: EquityResult['byAgeGroup']) => groups.reduce((s, g) => s + (g.residents ?? 0), 0);
    expect(sum(equity.byAgeGroup)).toBe(equity.residents);
    expect(equity.beyondLimit).toBeGreaterThan(0);
    expect(Math.abs(sum(equity.byMunicipality) - equity.residents)).toBeLessThanOrEqual(
      equity.byMunicipality.length,
    );
    // The same cells and times as the access layer: residents beyond 0.6 minutes by its cells.
    const layer = AccessLayer.parse(
      (await post('/api/network/access.geojson', { serviceClass: 'HC' }, 'analyst')).body,
    );
    const beyond = layer.features.reduce(
      (s, f) =>
        f.properties.minutes === null || f.properties.minutes > 0.6 ? s + (f.properties.population ?? 0) : s,
      0,
    );
    expect(Math.abs((equity.beyondLimit ?? 0) - beyond)).toBeLessThanOrEqual(layer.features.length);
    if (equity.gini !== null) {
      expect(equity.gini).toBeGreaterThanOrEqual(0);
      expect(equity.gini).toBeLessThan(1);
    }
  });

  it('withholds small groups from a planner and answers 404 for an unknown class', async () => {
    const equity = EquityResult.parse((await post('/api/network/equity', { serviceClass: 'HC' })).body);
    for (const group of [...equity.byAgeGroup, ...equity.byMunicipality]) {
      if (group.residents === null) {
        expect(group.suppressed).toBe(true);
        expect(group.mean).toBeNull();
      } else expect(group.residents === 0 || group.residents >= 5).toBe(true);
    }
    expect((await post('/api/network/equity', { serviceClass: 'NOPE' })).status).toBe(404);
  });
});

describe("a scenario's action list", () => {
  const changes = [
    { kind: 'close', unitCode: 'U1' },
    { kind: 'shiftChannel', serviceClass: 'HC', channel: 'digital', share: 0.2 },
  ];

  it('tells who loses access when a unit closes, where they live, and what a channel shift moves', async () => {
    const answer = await post('/api/network/actions', { changes, limitMinutes: 0.6 }, 'analyst');
    expect(answer.status).toBe(200);
    const { actions, unexplained } = ScenarioActions.parse(answer.body);
    expect(actions.map((a) => [a.unitCode, a.kinds])).toEqual([
      ['U1', ['close']],
      [null, ['shiftChannel']],
    ]);
    const closed = actions[0]?.effects.find((e) => e.serviceClass === 'HC');
    expect(closed?.longer.residents).toBeGreaterThan(0);
    // The sample county has no other health centre in reach: those who lose are left with none.
    expect(closed?.longer.unreachable).toBe(closed?.longer.residents);
    expect(closed?.shorter.residents).toBe(0);
    expect(closed?.capacityBefore).toBeGreaterThan(0);
    expect(closed?.capacityAfter).toBe(0);
    const byMunicipality = closed?.municipalities.reduce((s, m) => s + (m.longer ?? 0), 0) ?? 0;
    expect(Math.abs(byMunicipality - (closed?.longer.residents ?? 0))).toBeLessThanOrEqual(
      closed?.municipalities.length ?? 0,
    );
    expect(unexplained.every((u) => u.residents === 0)).toBe(true);
    const shift = actions[1]?.effects[0];
    expect(shift?.inPersonDemandAfter).toBeCloseTo((shift?.inPersonDemandBefore ?? Number.NaN) * 0.8, 0);
  });

  it('withholds small counts from a planner and refuses an empty list of changes', async () => {
    const { actions } = ScenarioActions.parse((await post('/api/network/actions', { changes })).body);
    for (const effect of actions.flatMap((a) => a.effects)) {
      for (const shift of [effect.longer, effect.shorter]) {
        if (shift.residents === null) expect([shift.suppressed, shift.meanMinutes]).toEqual([true, null]);
        else expect(shift.residents === 0 || shift.residents >= 5).toBe(true);
      }
      for (const m of effect.municipalities)
        for (const count of [m.longer, m.shorter])
          expect(count === null || count === 0 || count >= 5).toBe(true);
    }
    expect((await post('/api/network/actions', { changes: [] })).status).toBe(400);
  });
});
