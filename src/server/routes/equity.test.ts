import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessLayer,
  EquityResult,
  IsochroneLayer,
  LanguageAccessResult,
  type Role,
  ScenarioActions,
  TravelModeComparison,
} from '../../model/index.js';
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

describe('isochrones and the travel-time grid for GIS', () => {
  it('bands each unit by the residents of the cells within each limit, the wider band holding the narrower', async () => {
    const answer = await post(
      '/api/network/isochrones.geojson',
      { serviceClass: 'HC', bands: [0.5, 2] },
      'analyst',
    );
    expect(answer.status).toBe(200);
    const layer = IsochroneLayer.parse(answer.body);
    const units = new Set(layer.features.map((f) => f.properties.unitCode));
    expect(units.size).toBeGreaterThan(0);
    for (const unit of units) {
      const [narrow, wide] = [0.5, 2].map((minutes) =>
        layer.features.find((f) => f.properties.unitCode === unit && f.properties.minutes === minutes),
      );
      if (narrow && wide) {
        expect(wide.properties.cells).toBeGreaterThanOrEqual(narrow.properties.cells);
        expect(wide.properties.residents ?? 0).toBeGreaterThanOrEqual(narrow.properties.residents ?? 0);
      }
    }
    const [lon, lat] = layer.features[0]?.geometry?.coordinates[0]?.[0]?.[0] ?? [];
    expect(lon).toBeGreaterThan(19);
    expect(lat).toBeGreaterThan(59);
    expect(
      (await post('/api/network/isochrones.geojson', { serviceClass: 'HC', bands: [20, 10] })).status,
    ).toBe(400);
  });

  it('serves the isochrones and the grid as GeoPackage files in EPSG:3067', async () => {
    for (const url of ['/api/network/isochrones.gpkg', '/api/network/travel-grid.gpkg']) {
      const response = await server.app.inject({
        method: 'POST',
        url,
        payload: { serviceClass: 'HC' },
        headers: asRole('planner'),
      });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('application/geopackage+sqlite3');
      expect(response.rawPayload.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
      // The application id "GPKG" at offset 68 of the SQLite header.
      expect(response.rawPayload.subarray(68, 72).toString('latin1')).toBe('GPKG');
    }
  });
});

describe('access in one’s own language', () => {
  // The test store's one health station serves in Finnish only; Böle is 40 % Swedish-speaking.
  const swedishUnit = {
    kind: 'open',
    unitCode: 'NEW1',
    name: 'Bölen uusi asema',
    serviceClasses: ['HC'],
    x: 386000,
    y: 6672500,
    capacityPerYear: 5000,
    languages: ['fi', 'sv'],
  };

  it('measures Finnish and Swedish speakers against the units serving in their language', async () => {
    const answer = await post('/api/network/language-access', { serviceClass: 'HC' }, 'analyst');
    expect(answer.status).toBe(200);
    const result = LanguageAccessResult.parse(answer.body);
    const [fi, sv] = result.languages;
    if (!fi || !sv) throw new Error('both languages expected');
    expect(result.languageYear).toBe(2024);
    expect([fi.units, sv.units]).toEqual([1, 0]);
    // 23 residents in Böle's cells: 60 % speak Finnish (13.8), 40 % Swedish (9.2), none of whom reach a unit.
    expect(fi.total).toMatchObject({ residents: 14, unreachable: 0 });
    expect(sv.total).toMatchObject({ residents: 9, unreachable: 9, beyondLimit: 9, mean: null });
    expect(result.municipalities).toEqual([{ municipalityCode: '002', status: 'bilingualFinnish' }]);
    expect((await post('/api/network/language-access', { serviceClass: 'NOPE' })).status).toBe(404);
  });

  it('counts a Swedish-speaking unit opened in the scenario', async () => {
    const opened = LanguageAccessResult.parse(
      (await post('/api/network/language-access', { serviceClass: 'HC', changes: [swedishUnit] }, 'analyst'))
        .body,
    );
    const sv = opened.languages[1];
    expect(sv?.units).toBe(1);
    expect(sv?.total).toMatchObject({ residents: 9, unreachable: 0 });
    expect(sv?.total.mean).not.toBeNull();
  });
});

describe('access by travel mode', () => {
  it('compares the modes side by side; without a timetable public transport is unavailable, never guessed', async () => {
    const answer = await post('/api/network/modes', { serviceClass: 'HC', thresholds: [1, 5, 30] });
    expect(answer.status).toBe(200);
    const comparison = TravelModeComparison.parse(answer.body);
    expect(comparison.modes.map((m) => m.mode)).toEqual(['car', 'transit', 'walk', 'bike']);
    const byMode = new Map(comparison.modes.map((m) => [m.mode, m]));
    expect(byMode.get('transit')).toMatchObject({ unavailable: 'noTimetable', medianMinutes: null });
    const [car, walk, bike] = (['car', 'walk', 'bike'] as const).map((m) => byMode.get(m));
    for (const mode of [car, walk, bike]) {
      expect(mode?.unavailable).toBeNull();
      expect(mode?.travel?.mode).toBe(mode?.mode);
      // Shares within a longer time are never smaller.
      const shares = mode?.within.map((w) => w.share ?? 0) ?? [];
      expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    }
    // Cycling is never slower than walking, nor driving than cycling, here on straight lines.
    expect(bike?.medianMinutes ?? 0).toBeLessThanOrEqual(walk?.medianMinutes ?? 0);
    expect(car?.medianMinutes ?? 0).toBeLessThanOrEqual(bike?.medianMinutes ?? 0);
    bike?.within.forEach((w, k) => {
      expect(w.share ?? 0).toBeGreaterThanOrEqual(walk?.within[k]?.share ?? 0);
    });
    // The access layer takes the mode too; public transport without a timetable is refused.
    const layer = AccessLayer.parse(
      (await post('/api/network/access.geojson', { serviceClass: 'HC', mode: 'bike' }, 'analyst')).body,
    );
    expect(layer.travel.mode).toBe('bike');
    const transit = await post('/api/network/access.geojson', { serviceClass: 'HC', mode: 'transit' });
    expect(transit.status).toBe(400);
    expect((await post('/api/network/modes', { serviceClass: 'NOPE' })).status).toBe(404);
  });
});
