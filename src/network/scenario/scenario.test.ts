import { describe, expect, it } from 'vitest';
import type { ScenarioChange, ServiceClass } from '../../model/index.js';
import { straightLineTravelTimes } from '../access/index.js';
import { applyChanges } from './apply.js';
import { compareResults } from './compare.js';
import type { NetworkData } from './context-data.js';
import { createEvaluator, decayWeight } from './evaluate.js';

const serviceClass = (code: string, eventKind: ServiceClass['eventKind'] = 'visit'): ServiceClass => ({
  code,
  nameFi: code,
  nameSv: code,
  nameEn: code,
  serviceArea: 'health',
  eventKind,
  ageFrom: 0,
  ageTo: 100,
});

/**
 * Three cells in a row 6 km apart (x = 400, 406, 412 km) with 100, 50 and 10 residents, all aged 18–64;
 * one visit per resident a year, all in person. Unit A at the first cell, unit B at the last.
 */
const data = (): NetworkData => {
  const zeros = () => new Float64Array(3);
  const adults = Float64Array.from([100, 50, 10]);
  return {
    baseYear: 2025,
    targetYear: 2025,
    populationYear: 2025,
    populationSource: 'latestPopulation',
    populationNote: '',
    demandSource: 'useRates',
    demandNote: '',
    cells: {
      codes: ['c0', 'c1', 'c2'],
      x: Float64Array.from([400_000, 406_000, 412_000]),
      y: Float64Array.from([6_700_000, 6_700_000, 6_700_000]),
      total: adults,
      aged75: zeros(),
      children: zeros(),
      byAgeGroup: [zeros(), zeros(), adults, zeros(), zeros(), zeros()],
    },
    classes: [
      { serviceClass: serviceClass('HC'), ratePerResident: [0, 0, 1, 0, 0, 0], inPersonShare: 1 },
      { serviceClass: serviceClass('ELD', 'careDay'), ratePerResident: [0, 0, 0, 0, 0, 0], inPersonShare: 1 },
    ],
    units: [
      {
        code: 'A',
        name: 'A',
        serviceClasses: ['HC'],
        producerCode: 'P',
        producerKind: 'own',
        x: 400_000,
        y: 6_700_000,
        inPerson: true,
        capacity: { HC: 120 },
      },
      {
        code: 'B',
        name: 'B',
        serviceClasses: ['HC'],
        producerCode: 'Q',
        producerKind: 'purchased',
        x: 412_000,
        y: 6_700_000,
        inPerson: true,
        capacity: { HC: 100 },
      },
    ],
  };
};

const costs = {
  assumptions: [],
  default: { fixedEurosPerUnit: 1000, variableEurosPerVisit: 10, remoteCostFactor: 0.5, visitsPerFte: 100 },
  serviceClasses: {},
};

// 1 km = 1 minute: no detour, 60 km/h, nothing fixed.
const travel = straightLineTravelTimes({ detourFactor: 1, speedKmh: 60, fixedMinutes: 0 });

describe('scenario changes', () => {
  it('closes, moves, opens and rescales units in order', () => {
    const changes: ScenarioChange[] = [
      { kind: 'move', unitCode: 'A', x: 401_000, y: 6_700_000 },
      { kind: 'capacity', unitCode: 'A', capacityPerYear: 60 },
      { kind: 'hours', unitCode: 'B', hoursPerWeek: 20, baseHoursPerWeek: 40 },
      { kind: 'close', unitCode: 'B' },
      {
        kind: 'open',
        unitCode: 'N',
        name: 'N',
        serviceClasses: ['ELD'],
        x: 406_000,
        y: 6_700_000,
        capacityPerYear: 2,
        producerKind: 'own',
      },
      { kind: 'close', unitCode: 'nowhere' },
      { kind: 'shiftChannel', serviceClass: 'HC', channel: 'digital', share: 0.25 },
    ];
    const applied = applyChanges(data().units, changes, data().classes);
    const byCode = new Map(applied.units.map((u) => [u.code, u]));
    expect(byCode.get('A')).toMatchObject({ status: 'moved', x: 401_000, capacity: { HC: 60 } });
    expect(byCode.get('B')).toMatchObject({ status: 'closed', open: false, capacity: { HC: 50 } });
    expect(byCode.get('N')).toMatchObject({ status: 'opened', capacity: { ELD: 730 } });
    expect(applied.shifted.get('HC')).toBe(0.25);
    expect(applied.ignored).toEqual([{ kind: 'close', unitCode: 'nowhere' }]);
  });
});

describe('scenario evaluation', () => {
  it('works out access, loads and costs by hand', async () => {
    const evaluator = createEvaluator(data(), travel, costs);
    const base = await evaluator.evaluate({ name: 'base', changes: [], thresholds: [5, 10] });
    const hc = base.classes.find((c) => c.serviceClass === 'HC');
    // Nearest: c0 → A 0 min, c1 → A 6 min (tie with B goes to the first listed), c2 → B 0 min.
    expect(hc?.meanMinutes).toBeCloseTo((50 * 6) / 160, 10);
    expect(hc?.medianMinutes).toBe(0);
    expect(hc?.p90Minutes).toBe(6);
    expect(hc?.within.map((w) => w.all)).toEqual([110 / 160, 1]);
    // Regret order: c0 and c2 have regret 12, c1 has 0. A takes c0 (100) and 20 of c1; B takes c2 and 30 of c1.
    const a = base.units.find((u) => u.code === 'A');
    const b = base.units.find((u) => u.code === 'B');
    expect(a).toMatchObject({ load: 120, utilisation: 1, overflow: 30 });
    expect(b).toMatchObject({ load: 40, utilisation: 0.4 });
    expect(base.costs.totalEuros).toBeCloseTo(2 * 1000 + 160 * 10, 10);
    expect(base.staffFte).toBeCloseTo(1.6, 10);

    const closed = await evaluator.evaluate({
      name: 'close B',
      changes: [{ kind: 'close', unitCode: 'B' }],
      thresholds: [5, 10],
    });
    const hcClosed = closed.classes.find((c) => c.serviceClass === 'HC');
    expect(hcClosed?.meanMinutes).toBeCloseTo((50 * 6 + 10 * 12) / 160, 10);
    expect(hcClosed?.unserved).toBe(40);
    expect(closed.units.find((u) => u.code === 'B')).toMatchObject({ status: 'closed', load: 0 });

    const comparison = compareResults([base, closed]);
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['base', 'close B']);
    const mean = comparison.rows.find((r) => r.metric === 'meanMinutes' && r.serviceClass === 'HC');
    expect(mean?.differences[0]).toBe(0);
    expect(mean?.differences[1]).toBeCloseTo(120 / 160, 10);
    expect(mean?.higherIsBetter).toBe(false);
  });

  it('moves shifted visits off the road and gives the same result for the same network', async () => {
    const evaluator = createEvaluator(data(), travel, costs);
    const shift: ScenarioChange = { kind: 'shiftChannel', serviceClass: 'HC', channel: 'remote', share: 0.5 };
    const shifted = await evaluator.evaluate({ name: 's', changes: [shift], thresholds: [10] });
    const hc = shifted.classes.find((c) => c.serviceClass === 'HC');
    expect(hc).toMatchObject({ demand: 160, inPersonDemand: 80, shiftedDemand: 80, unserved: 0 });
    expect(hc?.costEuros).toBeCloseTo(2000 + 80 * 10 + 80 * 10 * 0.5, 10);
    const again = await evaluator.evaluate({ name: 's', changes: [shift], thresholds: [10] });
    expect({ ...again, evaluationMs: 0 }).toEqual({ ...shifted, evaluationMs: 0 });
  });

  it('maps each cell to its nearest open unit', async () => {
    const evaluator = createEvaluator(data(), travel, costs);
    const access = await evaluator.access([{ kind: 'close', unitCode: 'A' }], 'HC');
    expect(Array.from(access.minutes)).toEqual([12, 6, 0]);
    expect(access.nearest).toEqual(['B', 'B', 'B']);
  });
});

describe('decay, reach and demand source', () => {
  it('counts demand no unit reaches within the maximum time as unreachable and unserved', async () => {
    // At most 10 minutes: with B closed, c2 (10 residents, 12 min from A) has no unit within reach.
    const evaluator = createEvaluator(data(), travel, costs, { maxTravelMinutes: 10 });
    const closed = await evaluator.evaluate({
      name: 'close B',
      changes: [{ kind: 'close', unitCode: 'B' }],
      thresholds: [5, 10],
    });
    expect(closed.maxTravelMinutes).toBe(10);
    const hc = closed.classes.find((c) => c.serviceClass === 'HC');
    // A (120) takes 120 of c0 + c1's 150; 30 over capacity plus c2's 10 unreachable.
    expect(hc).toMatchObject({ unreachableDemand: 10, unreachableResidents: 10, unserved: 40, served: 120 });
    // Residents without reach are left out of the mean but count against the shares.
    expect(hc?.meanMinutes).toBeCloseTo((50 * 6) / 150, 10);
    expect(hc?.within.map((w) => w.all)).toEqual([100 / 160, 150 / 160]);
    const base = await evaluator.evaluate({ name: 'base', changes: [], thresholds: [10] });
    expect(base.classes.find((c) => c.serviceClass === 'HC')).toMatchObject({ unreachableDemand: 0 });
  });

  it('takes the decay and catchment asked for, and says which', async () => {
    const evaluator = createEvaluator(data(), travel, costs);
    // B moved 8 km east of c2: within a 10-minute catchment it has c2's residents, within 5 none.
    const changes: ScenarioChange[] = [{ kind: 'move', unitCode: 'B', x: 420_000, y: 6_700_000 }];
    const ratio = async (decay: { kind: 'binary' | 'stepwise' | 'gaussian'; catchmentMinutes: number }) => {
      const result = await evaluator.evaluate({ name: 'd', changes, thresholds: [10], decay });
      expect(result.decay).toEqual(decay);
      return result.classes.find((c) => c.serviceClass === 'HC')?.supplyRatio;
    };
    // Binary 10: A has c0 + c1 (150) → 0.8 each; B has c2 (10) → 10. (100·0.8 + 50·0.8 + 10·10) / 160.
    expect(await ratio({ kind: 'binary', catchmentMinutes: 10 })).toBeCloseTo(220 / 160, 10);
    // Binary 5: A has c0 only → 1.2; nobody is within B's catchment. 100·1.2 / 160.
    expect(await ratio({ kind: 'binary', catchmentMinutes: 5 })).toBeCloseTo(120 / 160, 10);
    expect(await ratio({ kind: 'gaussian', catchmentMinutes: 5 })).toBeCloseTo(120 / 160, 10);
    const unchanged = await evaluator.evaluate({ name: 'd', changes, thresholds: [10] });
    expect(unchanged.decay).toEqual({ kind: 'gaussian', catchmentMinutes: 30 });
  });

  it('weights by Luo & Qi steps over the catchment thirds, or a Gaussian falling to zero at its edge', () => {
    const stepwise = decayWeight({ kind: 'stepwise', catchmentMinutes: 30 });
    expect([0, 10, 15, 20, 25, 30, 31].map(stepwise)).toEqual([1, 1, 0.68, 0.68, 0.22, 0.22, 0]);
    const binary = decayWeight({ kind: 'binary', catchmentMinutes: 30 });
    expect([30, 30.5].map(binary)).toEqual([1, 0]);
    const gaussian = decayWeight({ kind: 'gaussian', catchmentMinutes: 30 });
    expect(gaussian(0)).toBe(1);
    expect(gaussian(30)).toBeCloseTo(0, 12);
    expect(gaussian(15)).toBeGreaterThan(0.5);
    expect(gaussian(15)).toBeLessThan(1);
  });

  it("takes a class's demand per cell from the forecast when given, and says so", async () => {
    const base = data();
    const withForecast: typeof base = {
      ...base,
      demandSource: 'forecastCellDemand',
      demandNote: 'projected',
      classes: base.classes.map((c) =>
        c.serviceClass.code === 'HC' ? { ...c, projected: Float64Array.from([10, 20, 30]) } : c,
      ),
    };
    const result = await createEvaluator(withForecast, travel, costs).evaluate({
      name: 'f',
      changes: [],
      thresholds: [10],
    });
    expect(result.demandSource).toBe('forecastCellDemand');
    expect(result.classes.find((c) => c.serviceClass === 'HC')).toMatchObject({
      demand: 60,
      inPersonDemand: 60,
    });
  });
});
