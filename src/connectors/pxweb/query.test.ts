import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SoteatlasError } from '../../model/index.js';
import { type PxSelection, parseMetadata } from './api.js';
import { type JsonStatDataset, mergeDatasets } from './jsonstat-merge.js';
import { buildQuery, cellCount, splitQuery } from './query.js';
import { readFixture, sliceAnswer } from './service.fixture.js';

const metadata2025 = parseMetadata(readFixture('11re-metadata-2025.json'));
const metadata2026 = parseMetadata(readFixture('11re-metadata-2026.json'));

describe('buildQuery: the query comes from the metadata of the table version served', () => {
  it('asks table 11re of 2025 in its codes and the 2026 version in its new ones', () => {
    const wish = { municipalities: ['049', '091'], years: [2024], byAgeAndSex: true };
    const before = buildQuery(metadata2025, wish);
    const after = buildQuery(metadata2026, wish);
    expect(before.selections.map((s) => s.code)).toEqual(['Alue', 'Vuosi', 'Ikä', 'Sukupuoli', 'Tiedot']);
    expect(after.selections.map((s) => s.code)).toEqual([
      'alue_23_20260101',
      'timeperiod_y',
      'ikaryhma_10_20180101',
      'sukupuoli_9_20180101',
      'contentscode',
    ]);
    // The contents value got a prefix in 2026; both are taken from the metadata.
    expect(before.selections.at(-1)?.selection.values).toEqual(['vaesto']);
    expect(after.selections.at(-1)?.selection.values).toEqual(['vaerak-vaesto']);
    // Areas as KU codes, single ages without the total, both sexes without the total.
    expect(after.selections[0]?.selection.values).toEqual(['KU049', 'KU091']);
    expect(after.selections[2]?.selection.values).toHaveLength(101);
    expect(after.selections[2]?.selection.values.slice(-2)).toEqual(['099', '100-']);
    expect(after.selections[3]?.selection.values).toEqual(['1', '2']);
    expect(after.cells).toBe(2 * 1 * 101 * 2);
  });

  it('takes the latest years the table has when none are named, and says what it lacks', () => {
    const built = buildQuery(metadata2025, {
      municipalities: ['091', '999'],
      years: [2024, 2025],
      byAgeAndSex: false,
    });
    expect(built.missingMunicipalities).toEqual(['999']);
    expect(built.missingYears).toEqual([2025]);
    expect(
      buildQuery(metadata2026, { municipalities: ['091'], last: 3, byAgeAndSex: false }).selections[1]
        ?.selection.values,
    ).toEqual(['2023', '2024', '2025']);
    // Without age and sex in the query the service gives their totals (they may be eliminated).
    expect(
      buildQuery(metadata2026, { municipalities: ['091'], byAgeAndSex: false }).selections.map((s) => s.code),
    ).toEqual(['alue_23_20260101', 'timeperiod_y', 'contentscode']);
  });

  it('refuses, with what it lacks for a client to word, a query none of whose municipalities or years the table has', () => {
    const refusal = (wish: Parameters<typeof buildQuery>[1]) => {
      try {
        buildQuery(metadata2026, wish);
      } catch (error) {
        return error instanceof SoteatlasError ? { code: error.code, details: error.details } : error;
      }
      return 'built';
    };
    expect(refusal({ municipalities: ['951', '952'], byAgeAndSex: false })).toEqual({
      code: 'invalidRequest',
      details: { refusal: 'municipalitiesNotInTable', municipalities: '951, 952' },
    });
    expect(refusal({ municipalities: ['091'], years: [1900], byAgeAndSex: false })).toEqual({
      code: 'invalidRequest',
      details: { refusal: 'yearsNotInTable', firstYear: 1972, lastYear: 2025 },
    });
  });

  it('refuses a table without municipalities, naming what it found', () => {
    const regions = {
      title: 'Kieli iän ja sukupuolen mukaan maakunnittain',
      variables: [
        { code: 'Maakunta', text: 'Maakunta', values: ['SSS', 'MK01'], valueTexts: ['KOKO MAA', 'Uusimaa'] },
        { code: 'Vuosi', text: 'Vuosi', values: ['2024'], valueTexts: ['2024'], time: true },
      ],
    };
    expect(() => buildQuery(regions, { municipalities: ['091'], byAgeAndSex: false })).toThrow(
      /no variable whose values are municipality codes .*found Maakunta, Vuosi/,
    );
  });
});

describe('splitQuery: under the service cell limit', () => {
  const query = buildQuery(metadata2026, {
    municipalities: ['020', '049', '091', '092', '235', '257'],
    years: [2023, 2024, 2025],
    byAgeAndSex: true,
  });
  const order = ['alue_23_20260101', 'timeperiod_y', 'ikaryhma_10_20180101', 'sukupuoli_9_20180101'];

  it('cuts the areas first, into as few queries as the limit allows', () => {
    // 6 municipalities × 3 years × 101 ages × 2 sexes = 3 636 cells; 1 300 allow 2 municipalities a query.
    expect(query.cells).toBe(3636);
    const parts = splitQuery(query.selections, 1300, order);
    expect(parts.map(cellCount)).toEqual([1212, 1212, 1212]);
    expect(parts.map((p) => p[0]?.selection.values)).toEqual([
      ['KU020', 'KU049'],
      ['KU091', 'KU092'],
      ['KU235', 'KU257'],
    ]);
  });

  it('cuts the years too when one municipality is over the limit', () => {
    const parts = splitQuery(query.selections, 500, order);
    expect(parts).toHaveLength(6 * 2);
    expect(parts.map(cellCount).every((n) => n <= 500)).toBe(true);
    expect(parts[0]?.[1]?.selection.values).toEqual(['2023', '2024']);
  });

  it('asks for every cell exactly once, whatever the limit', () => {
    const key = (selections: PxSelection[]) => selections.map((s) => s.selection.values);
    const cellsOf = (selections: PxSelection[]): string[] =>
      key(selections).reduce<string[]>(
        (acc, values) => acc.flatMap((a) => values.map((v) => `${a}|${v}`)),
        [''],
      );
    const all = cellsOf(query.selections).sort();
    fc.assert(
      fc.property(fc.integer({ min: 202, max: 4000 }), (limit) => {
        const parts = splitQuery(query.selections, limit, order);
        expect(parts.every((p) => cellCount(p) <= limit)).toBe(true);
        expect(parts.flatMap(cellsOf).sort()).toEqual(all);
      }),
      { numRuns: 40 },
    );
  });
});

describe('mergeDatasets', () => {
  it('joins the answers of a split query back into the answer asked for at once', () => {
    // Statistics Finland's answer for Espoo, Helsinki and Vantaa in 2025, asked as three queries.
    const whole = readFixture('11re-three-cities-2025.json') as JsonStatDataset;
    const parts = ['KU049', 'KU091', 'KU092'].map((area) =>
      sliceAnswer(whole, {
        query: [{ code: 'alue_23_20260101', selection: { filter: 'item', values: [area] } }],
        response: { format: 'json-stat2' },
      }),
    );
    expect(parts.map((p) => p.value)).toEqual([[325716], [694392], [252956]]);
    const merged = mergeDatasets(parts);
    expect(merged.size).toEqual(whole.size);
    expect(merged.value).toEqual(whole.value);
    expect(merged.dimension.alue_23_20260101?.category).toMatchObject({
      index: { KU049: 0, KU091: 1, KU092: 2 },
      label: { KU049: 'Espoo', KU091: 'Helsinki', KU092: 'Vantaa' },
    });
  });
});

describe('buildQuery: population by language (table 11rm)', () => {
  // Not a recording: no public recording of 11rm's metadata was found. The variable codes are those a
  // public script names for the 2026 version of the table (kieli_15_20180102 …); the values are a few
  // of its 169 language codes, with the totals SSS, 01 (national) and 02 (foreign languages).
  const metadata = parseMetadata({
    title: 'Kielen mukainen väestö sukupuolen mukaan kunnittain, 1990-2025',
    variables: [
      {
        code: 'alue_23_20260101',
        text: 'Alue',
        values: ['SSS', 'KU049', 'KU091'],
        valueTexts: ['KOKO MAA', 'Espoo', 'Helsinki'],
        elimination: true,
      },
      {
        code: 'kieli_15_20180102',
        text: 'Kieli',
        values: ['SSS', '01', 'fi', 'sv', 'se', '02', 'en', 'ru', '98', 'X'],
        valueTexts: [
          'Yhteensä',
          'Kotimaiset kielet yhteensä',
          'suomi',
          'ruotsi',
          'saame',
          'Vieraat kielet yhteensä',
          'englanti',
          'venäjä',
          'muu kieli',
          'tuntematon',
        ],
        elimination: true,
      },
      {
        code: 'sukupuoli_9_20180101',
        text: 'Sukupuoli',
        values: ['SSS', '1', '2'],
        valueTexts: ['Yhteensä', 'Miehet', 'Naiset'],
        elimination: true,
      },
      {
        code: 'timeperiod_y',
        text: 'Vuosi',
        values: ['2024', '2025'],
        valueTexts: ['2024', '2025'],
        time: true,
      },
      { code: 'contentscode', text: 'Tiedot', values: ['vaerak-vaesto'], valueTexts: ['Väestö 31.12.'] },
    ],
  });

  it('asks Finnish, Swedish, Sámi and the foreign languages’ total, sex left out as its total', () => {
    const built = buildQuery(metadata, {
      municipalities: ['091'],
      byAgeAndSex: false,
      byLanguageGroup: true,
    });
    expect(built.selections).toEqual([
      { code: 'alue_23_20260101', selection: { filter: 'item', values: ['KU091'] } },
      { code: 'timeperiod_y', selection: { filter: 'item', values: ['2025'] } },
      { code: 'kieli_15_20180102', selection: { filter: 'item', values: ['fi', 'sv', 'se', '02'] } },
      { code: 'contentscode', selection: { filter: 'item', values: ['vaerak-vaesto'] } },
    ]);
  });
});
