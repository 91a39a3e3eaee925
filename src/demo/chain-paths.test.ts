import { describe, expect, it } from 'vitest';
import { groupCount } from './age-structure.js';
import { type ChainPathYear, chainPathYear, emitChainPaths, type PathEvent } from './chain-paths.js';
import type { GridPopulation } from './grid-allocation.js';

const codes = ['HC', 'MHS', 'SPC', 'EMC', 'REH', 'HMC', 'ELD', 'CFS', 'ASW', 'SAB'];

/** One cell with 150 residents of every age and sex. */
const grid = (year: number): GridPopulation => ({
  year,
  cells: Int32Array.of(4321),
  counts: new Int32Array(groupCount).fill(150),
  municipalityOf: Int16Array.of(0),
});

const eventsOf = (paths: ChainPathYear): (PathEvent & { code: string })[] => {
  const events: (PathEvent & { code: string })[] = [];
  emitChainPaths(7, paths, {
    slot: 0,
    cell: 4321,
    write: (e) => events.push({ ...e, code: codes[e.classIndex] ?? '?' }),
  });
  return events;
};

const year = (y: number, previous?: GridPopulation) =>
  chainPathYear({
    year: y,
    grids: { previous, current: grid(y) },
    classCodes: codes,
    purchasedUnitsOf: () => [],
  });

describe('service-chain paths of the demo county', () => {
  // The paths begun in 2024, seen whole (days counted from 1 January 2024, up to mid-2026).
  const whole = eventsOf({ ...year(2024), days: 900 });

  it('writes a path begun in December into the next year, the same events on the same days', () => {
    const in2024 = eventsOf(year(2024));
    const next = year(2025, grid(2024));
    const from2024In2025 = eventsOf({ ...next, entries: next.entries.filter((e) => e.year === 2024) });
    expect(in2024).toEqual(whole.filter((e) => e.day < 366));
    const carried = whole
      .filter((e) => e.day >= 366 && e.day < 366 + 365)
      .map((e) => ({ ...e, day: e.day - 366, age: Math.min(100, e.age + 1) }));
    expect(carried.length).toBeGreaterThan(50);
    expect(from2024In2025).toEqual(carried);
    // The year's own entries come on top, from their own stream.
    expect(eventsOf(next).length).toBeGreaterThan(from2024In2025.length);
  });

  it('is the same from the same seed', () => {
    expect(eventsOf({ ...year(2024), days: 900 })).toEqual(whole);
  });

  it('begins most child-welfare assessments within seven days, some later and some never', () => {
    const byClient = new Map<string, number[]>();
    for (const e of whole.filter((e) => e.code === 'CFS')) {
      byClient.set(e.clientKey, [...(byClient.get(e.clientKey) ?? []), e.day]);
    }
    const gaps = [...byClient.values()].map((days) =>
      days.length > 1 ? (days[1] ?? 0) - (days[0] ?? 0) : null,
    );
    const started = gaps.filter((g) => g !== null);
    expect(gaps.length).toBeGreaterThan(120);
    expect(started.length / gaps.length).toBeGreaterThan(0.75);
    expect(started.length / gaps.length).toBeLessThan(0.95);
    const inTime = started.filter((g) => g >= 1 && g <= 7).length / started.length;
    expect(inTime).toBeGreaterThan(0.75);
    expect(inTime).toBeLessThan(0.97);
  });

  it('sends hip-fracture clients from emergency care to the ward within two days, mostly', () => {
    const first = new Map<string, PathEvent & { code: string }>();
    for (const e of whole) if (!first.has(e.clientKey)) first.set(e.clientKey, e);
    const entrants = [...first.values()].filter((e) => e.code === 'EMC' && e.age >= 65);
    const admitted = entrants.filter((entry) =>
      whole.some(
        (e) =>
          e.clientKey === entry.clientKey && e.code === 'SPC' && e.day >= entry.day && e.day - entry.day <= 2,
      ),
    );
    expect(entrants.length).toBeGreaterThan(100);
    expect(admitted.length / entrants.length).toBeGreaterThan(0.8);
    expect(admitted.length / entrants.length).toBeLessThan(0.95);
  });

  it('keeps every path within its classes’ ages and kinds', () => {
    const wrong = whole.filter(
      (e) =>
        (e.code === 'CFS' && e.age > 17) ||
        ((e.code === 'ELD' || e.code === 'HMC') && e.age < 65) ||
        ((e.code === 'SAB' || e.code === 'ELD') && e.kind !== 2) ||
        e.quantity < 1 ||
        !(e.costEuros > 0),
    );
    expect(wrong).toEqual([]);
  });
});
