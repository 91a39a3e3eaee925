import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOfficialProjection } from './official.js';

/** A dataset in PxWeb's shape, with totals coded SSS and a contents dimension. */
const dataset = (
  areas: string[],
  years: string[],
  values: (i: number) => number | null,
  contents = ['vaesto'],
) => {
  const sexes = ['SSS', '1', '2'];
  const ages = ['SSS', '0', '1', '99', '100-'];
  const category = (codes: string[]) => ({ index: Object.fromEntries(codes.map((c, i) => [c, i])) });
  const size = [areas.length, years.length, sexes.length, ages.length, contents.length];
  const total = size.reduce((a, b) => a * b, 1);
  return {
    version: '2.0',
    class: 'dataset',
    id: ['alue_23_20260101', 'Vuosi', 'Sukupuoli', 'Ikä', 'Tiedot'],
    size,
    role: { time: ['Vuosi'], geo: ['alue_23_20260101'] },
    dimension: {
      alue_23_20260101: { label: 'Alue', category: category(areas) },
      Vuosi: { label: 'Vuosi', category: category(years) },
      Sukupuoli: { label: 'Sukupuoli', category: category(sexes) },
      Ikä: { label: 'Ikä', category: category(ages) },
      Tiedot: { label: 'Tiedot', category: category(contents) },
    },
    value: Array.from({ length: total }, (_, i) => values(i)),
  };
};

describe('parseOfficialProjection', () => {
  it('reads municipalities, years, sexes and single-year ages, skipping totals and the country', () => {
    const rows = parseOfficialProjection(dataset(['SSS', 'KU091'], ['2030'], (i) => i));
    expect(rows).toHaveLength(2 * 4);
    expect(rows[0]).toEqual({ areaCode: '091', year: 2030, age: 0, sex: 'male', count: 5 * 3 + 5 + 1 });
    expect(rows.map((r) => r.age)).toEqual([0, 1, 99, 100, 0, 1, 99, 100]);
    expect(rows.slice(4).every((r) => r.sex === 'female')).toBe(true);
  });

  it('finds dimensions by their labels when ids change, and uses the first category of other dimensions', () => {
    const rows = parseOfficialProjection(
      dataset(['KU091', 'KU049'], ['2030', '2031'], () => 7, ['vaesto', 'muutos']),
    );
    expect(rows).toHaveLength(2 * 2 * 2 * 4);
    expect(new Set(rows.map((r) => r.areaCode))).toEqual(new Set(['091', '049']));
  });

  it('refuses what is not JSON-stat and tables without figures by age and sex', () => {
    expect(() => parseOfficialProjection({ hello: 1 })).toThrow(/JSON-stat/);
    expect(() => parseOfficialProjection(dataset(['SSS'], ['2030'], () => 1))).toThrow(/no figures/);
  });

  it('never yields a negative, missing or total figure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 1000 })), {
          minLength: 3 * 5 * 2,
          maxLength: 3 * 5 * 2,
        }),
        (values) => {
          const data = dataset(['KU091', 'KU092'], ['2030'], (i) => values[i] ?? null);
          let rows: ReturnType<typeof parseOfficialProjection> = [];
          try {
            rows = parseOfficialProjection(data);
          } catch {
            return;
          }
          for (const row of rows) {
            expect(row.count).toBeGreaterThanOrEqual(0);
            expect(['091', '092']).toContain(row.areaCode);
          }
        },
      ),
    );
  });
});
