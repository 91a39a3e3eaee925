import { describe, expect, it } from 'vitest';
import { municipalityDefinitions } from '../county-definition.js';
import { buildGeography } from '../geography.js';
import { simulateHistory } from '../population-model.js';
import { populationJsonStat } from './population-jsonstat.js';

const geography = buildGeography(1, 2015);
const history = simulateHistory(1, geography, {
  residents: 8_000,
  firstYear: 2015,
  lastYear: 2025,
  residentShares: municipalityDefinitions.map((d) => d.residentShare),
});
const dataset = populationJsonStat(geography, history);

/** Row-major position of a cell in the cube, last dimension fastest, as JSON-stat 2.0 defines. */
const position = (codes: Record<string, string>): number =>
  dataset.id.reduce((offset, id, d) => {
    const index = dataset.dimension[id]?.category.index[codes[id] ?? ''] ?? Number.NaN;
    return offset * (dataset.size[d] ?? 0) + index;
  }, 0);
const value = (area: string, year: string, sex: string, age: string) =>
  dataset.value[position({ Alue: area, Vuosi: year, Sukupuoli: sex, Ikä: age, Tiedot: 'vaesto' })];

describe('populationJsonStat', () => {
  it('has one value per cell of the cube', () => {
    expect(dataset.value).toHaveLength(dataset.size.reduce((a, b) => a * b, 1));
    expect(dataset.size).toEqual([1 + geography.municipalities.length, 11, 3, 102, 1]);
    for (const [d, id] of dataset.id.entries()) {
      expect(Object.values(dataset.dimension[id]?.category.index ?? {}).sort((a, b) => a - b)).toEqual(
        Array.from({ length: dataset.size[d] ?? 0 }, (_, i) => i),
      );
    }
  });

  it('names its roles and uses PxWeb codes', () => {
    expect(dataset.role).toEqual({ time: ['Vuosi'], geo: ['Alue'], metric: ['Tiedot'] });
    expect(Object.keys(dataset.dimension.Alue?.category.index ?? {})).toContain('KU951');
    expect(Object.keys(dataset.dimension.Ikä?.category.index ?? {})).toContain('100-');
  });

  it('includes totals that equal the sums of their parts', () => {
    let ages = 0;
    for (let age = 0; age < 100; age++) ages += value('KU952', '2020', '2', String(age)) ?? 0;
    ages += value('KU952', '2020', '2', '100-') ?? 0;
    expect(value('KU952', '2020', '2', 'SSS')).toBe(ages);
    expect(value('KU952', '2020', 'SSS', '40')).toBe(
      (value('KU952', '2020', '1', '40') ?? 0) + (value('KU952', '2020', '2', '40') ?? 0),
    );
    const municipalities2025 = [
      '951',
      '952',
      '953',
      '954',
      '955',
      '956',
      '957',
      '958',
      '959',
      '960',
      '961',
      '962',
      '963',
      '964',
      '965',
      '966',
      '967',
      '968',
      '971',
    ];
    const sum = municipalities2025.reduce(
      (s, code) => s + (value(`KU${code}`, '2025', 'SSS', 'SSS') ?? 0),
      0,
    );
    expect(value('SSS', '2025', 'SSS', 'SSS')).toBe(sum);
  });

  it('leaves a municipality null, with status "..", in years it did not exist', () => {
    expect(value('KU971', '2023', 'SSS', 'SSS')).toBeNull();
    expect(value('KU969', '2024', '1', '50')).toBeNull();
    expect(
      dataset.status[
        String(position({ Alue: 'KU969', Vuosi: '2024', Sukupuoli: '1', Ikä: '50', Tiedot: 'vaesto' }))
      ],
    ).toBe('..');
    expect(value('KU969', '2023', 'SSS', 'SSS')).toBeGreaterThan(0);
  });
});
