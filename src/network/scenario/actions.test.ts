import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioChange, UnitResult, UnitStatus } from '../../model/index.js';
import { type ActionInput, type ClassAccess, scenarioActions } from './actions.js';
import type { CellPopulation } from './context-data.js';

const cellsOf = (residents: number[], aged75: number[]): CellPopulation => ({
  codes: residents.map((_, i) => `c${i}`),
  x: new Float64Array(residents.length),
  y: new Float64Array(residents.length),
  total: Float64Array.from(residents),
  aged75: Float64Array.from(aged75),
  children: new Float64Array(residents.length),
  byAgeGroup: [],
});

const unit = (
  code: string,
  status: UnitStatus,
  capacity: number,
  utilisation: number | null,
): UnitResult => ({
  code,
  name: `Unit ${code}`,
  status,
  inPerson: true,
  serviceClasses: ['HC'],
  producerCode: null,
  producerKind: null,
  x: 0,
  y: 0,
  lon: 0,
  lat: 0,
  capacity: { HC: capacity },
  capacityTotal: capacity,
  load: 0,
  utilisation,
  overflow: 0,
  unserved: 0,
  fixedCostEuros: 0,
  variableCostEuros: 0,
  staffFte: 0,
});

const access = (minutes: number[], nearest: (string | null)[]): ClassAccess => ({
  minutes: Float64Array.from(minutes),
  nearest,
});

const openC: ScenarioChange = {
  kind: 'open',
  unitCode: 'C',
  name: 'Unit C',
  serviceClasses: ['HC'],
  x: 0,
  y: 0,
  capacityPerYear: 5000,
  producerKind: 'own',
};

const input = (over: Partial<ActionInput>): ActionInput => ({
  changes: [{ kind: 'close', unitCode: 'A' }, openC],
  cells: cellsOf([10, 20, 3, 7], [2, 5, 1, 0]),
  before: new Map([['HC', access([5, 8, 10, 50], ['A', 'A', 'B', 'B'])]]),
  after: new Map([['HC', access([12, 6, 10, 20], ['B', 'C', 'B', 'C'])]]),
  unitsBefore: [unit('A', 'unchanged', 8000, 0.9), unit('B', 'unchanged', 6000, 0.7)],
  unitsAfter: [
    unit('A', 'closed', 8000, null),
    unit('B', 'unchanged', 6000, 0.8),
    unit('C', 'opened', 5000, 0.6),
  ],
  demandBefore: new Map([['HC', 12000]]),
  demandAfter: new Map([['HC', 12000]]),
  municipalities: new Map([
    ['c0', '091'],
    ['c1', '091'],
    ['c2', '092'],
    ['c3', '092'],
  ]),
  municipalityNames: new Map([
    ['091', { fi: 'Helsinki', sv: 'Helsingfors' }],
    ['092', { fi: 'Vantaa', sv: 'Vanda' }],
  ]),
  limitMinutes: 30,
  maxTravelMinutes: 120,
  unsuppressed: true,
  ...over,
});

describe('a scenario as a list of actions', () => {
  it('puts a longer trip on the unit that was nearest and a shorter one on the unit nearest after', () => {
    const result = scenarioActions(input({}));
    const [close, open] = result.actions;
    expect(close?.unitCode).toBe('A');
    expect(close?.kinds).toEqual(['close']);
    expect(close?.statusAfter).toBe('closed');
    const closed = close?.effects[0];
    expect(closed?.longer).toEqual({
      residents: 10,
      aged75: 2,
      meanMinutes: 7,
      acrossLimit: 0,
      unreachable: 0,
      suppressed: false,
    });
    expect(closed?.shorter.residents).toBe(0);
    expect([closed?.capacityBefore, closed?.capacityAfter]).toEqual([8000, 0]);
    expect([closed?.utilisationBefore, closed?.utilisationAfter]).toEqual([0.9, null]);
    expect(closed?.municipalities).toEqual([
      { code: '091', name: 'Helsinki', nameSv: 'Helsingfors', longer: 10, shorter: 0, suppressed: false },
    ]);

    const opened = open?.effects[0];
    expect(open?.unitCode).toBe('C');
    // 20 residents two minutes nearer, 7 thirty minutes nearer and brought within the 30-minute limit.
    expect(opened?.shorter.residents).toBe(27);
    expect(opened?.shorter.aged75).toBe(5);
    expect(opened?.shorter.meanMinutes).toBeCloseTo(-9.3, 5);
    expect(opened?.shorter.acrossLimit).toBe(7);
    expect([opened?.capacityBefore, opened?.capacityAfter]).toEqual([null, 5000]);
    expect(opened?.municipalities.map((m) => [m.code, m.shorter])).toEqual([
      ['091', 20],
      ['092', 7],
    ]);
    expect(result.unexplained).toEqual([{ serviceClass: 'HC', residents: 0 }]);
  });

  it('counts residents left with no unit in reach, and gathers a unit’s changes into one action', () => {
    const result = scenarioActions(
      input({
        changes: [
          { kind: 'move', unitCode: 'A', x: 1, y: 1 },
          { kind: 'capacity', unitCode: 'A', capacityPerYear: 4000 },
        ],
        before: new Map([['HC', access([5, 8, 10, 25], ['A', 'A', 'B', 'A'])]]),
        after: new Map([['HC', access([9, 8, 10, Number.POSITIVE_INFINITY], ['A', 'A', 'B', null])]]),
        unitsAfter: [unit('A', 'moved', 4000, 1.2), unit('B', 'unchanged', 6000, 0.7)],
      }),
    );
    expect(result.actions).toHaveLength(1);
    const [moved] = result.actions;
    expect(moved?.kinds).toEqual(['move', 'capacity']);
    expect(moved?.changeIndexes).toEqual([0, 1]);
    const effect = moved?.effects[0];
    // The mean change is over residents with a trip both before and after: only the 10 four minutes longer.
    expect(effect?.longer).toMatchObject({ residents: 17, meanMinutes: 4, acrossLimit: 7, unreachable: 7 });
    expect([effect?.capacityAfter, effect?.utilisationAfter]).toEqual([4000, 1.2]);
  });

  it('withholds a group of 1–4 residents and everything beside it from anyone but an analyst', () => {
    const only = input({
      changes: [{ kind: 'close', unitCode: 'B' }],
      after: new Map([['HC', access([5, 8, 25, 50], ['A', 'A', 'A', 'B'])]]),
      unitsAfter: [unit('A', 'unchanged', 8000, 0.9), unit('B', 'closed', 6000, null)],
      unsuppressed: false,
    });
    const longer = scenarioActions(only).actions[0]?.effects[0]?.longer;
    expect(longer).toEqual({
      residents: null,
      aged75: null,
      meanMinutes: null,
      acrossLimit: null,
      unreachable: null,
      suppressed: true,
    });
    const shown = scenarioActions({ ...only, unsuppressed: true }).actions[0]?.effects[0]?.longer;
    expect(shown).toMatchObject({ residents: 3, aged75: 1, meanMinutes: 15, suppressed: false });
    const municipality = scenarioActions(only).actions[0]?.effects[0]?.municipalities[0];
    expect(municipality).toMatchObject({ code: '092', longer: null, suppressed: true });
  });

  it('accounts for every resident whose trip changed: on an action or as unexplained', () => {
    const units = ['A', 'B', 'C', 'D'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            residents: fc.integer({ min: 0, max: 40 }),
            before: fc.integer({ min: 0, max: 3 }),
            after: fc.integer({ min: 0, max: 3 }),
            from: fc.integer({ min: 0, max: 90 }),
            to: fc.integer({ min: 0, max: 90 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.subarray(['A', 'B', 'C', 'D'], { minLength: 1 }),
        (cells, closed) => {
          const result = scenarioActions(
            input({
              changes: closed.map((code) => ({ kind: 'close', unitCode: code })),
              cells: cellsOf(
                cells.map((c) => c.residents),
                cells.map(() => 0),
              ),
              before: new Map([
                [
                  'HC',
                  access(
                    cells.map((c) => c.from),
                    cells.map((c) => units[c.before] ?? null),
                  ),
                ],
              ]),
              after: new Map([
                [
                  'HC',
                  access(
                    cells.map((c) => c.to),
                    cells.map((c) => units[c.after] ?? null),
                  ),
                ],
              ]),
              unitsBefore: units.map((code) => unit(code, 'unchanged', 100, 0.5)),
              unitsAfter: units.map((code) =>
                unit(code, closed.includes(code) ? 'closed' : 'unchanged', 100, 0.5),
              ),
              municipalities: new Map(),
            }),
          );
          const changed = cells.filter((c) => c.from !== c.to).reduce((s, c) => s + c.residents, 0);
          const attributed = result.actions
            .flatMap((a) => a.effects)
            .reduce((s, e) => s + (e.longer.residents ?? 0) + (e.shorter.residents ?? 0), 0);
          expect(attributed + (result.unexplained[0]?.residents ?? 0)).toBe(changed);
          for (const effect of result.actions.flatMap((a) => a.effects)) {
            expect(effect.longer.meanMinutes ?? 0).toBeGreaterThanOrEqual(0);
            expect(effect.shorter.meanMinutes ?? 0).toBeLessThanOrEqual(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
