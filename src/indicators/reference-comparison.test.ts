import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '../model/index.js';
import type { Store } from '../store/index.js';
import { computeIndicator } from './compute.js';
import { builtInIndicators, findIndicator } from './package/index.js';
import { consistencyCheck, listReferenceIndicators, referenceComparison } from './reference-comparison.js';
import { openIndicatorStore } from './testing.js';

let store: Store;
beforeAll(async () => {
  store = await openIndicatorStore();
  const rows: [string, string, number | null, string | null][] = [
    ['country', 'SSS', 2100, null],
    ['county', '99', 2000, null],
    ['county', '01', 1500, null],
    ['county', '90', 2500, null],
    ['county', '91', 9999, null],
    ['county', '21', null, '..'],
    ['municipality', '101', 1800, null],
    ['municipality', '102', 3000, null],
    ['municipality', '091', 1000, null],
    ['municipality', '049', 2000, null],
  ];
  for (const [level, code, value, mark] of rows)
    await store.run(
      `INSERT INTO reference_values VALUES ('thl-sotkanet', '9999', 'Testi', $1, $2, 2023, 'total', $3, NULL, $4, 1, 1)`,
      [level, code, value, mark],
    );
});
afterAll(() => store.close());

const base = findIndicator('hc-visits-per-1000') as IndicatorDefinition;
const linked: IndicatorDefinition = {
  ...base,
  sotkanetId: 9999,
  sotkanetNote: { fi: 'Eri rajaus', sv: 'Annan avgränsning', en: 'Defined differently' },
};

describe('reference comparison', () => {
  it('ranks the organisers without Åland, places the municipalities in the national distribution', async () => {
    const result = await referenceComparison(store, '9999', {}, async () => undefined, [linked]);
    expect(result?.year).toBe(2023);
    expect(result?.countyCode).toBe('99');
    expect(result?.organisers.map((o) => [o.areaCode, o.rank, o.own])).toEqual([
      ['90', 1, false],
      ['99', 2, true],
      ['01', 3, false],
      ['21', null, false],
    ]);
    expect(result?.organisers.find((o) => o.areaCode === '21')?.mark).toBe('..');
    expect(result?.country?.value).toBe(2100);
    expect(result?.municipalities.map((m) => [m.areaCode, m.percentile])).toEqual([
      ['102', 100],
      ['101', 50],
    ]);
    expect(result?.nationalDistribution).toEqual({
      min: 1000,
      q1: 1600,
      median: 1900,
      q3: 2250,
      max: 3000,
      n: 4,
    });
    expect(result?.attribution.en).toBe('Source: THL, Sotkanet.fi, CC BY 4.0');
  });

  it("checks the county's own figure against THL's and says why they may differ", async () => {
    const own = await computeIndicator(store, linked, { level: 'county', fromYear: 2023, toYear: 2023 });
    const ownValue = own.values[0]?.value ?? null;
    const result = await referenceComparison(
      store,
      '9999',
      { year: 2023 },
      async () => ({ value: ownValue, suppressed: false }),
      [linked],
    );
    expect(result?.builtInIndicatorId).toBe('hc-visits-per-1000');
    expect(result?.consistency).toMatchObject({ own: ownValue, reference: 2000 });
    expect(result?.consistency?.difference).toBeCloseTo((ownValue as number) - 2000);
    expect(result?.consistency?.explanations).toEqual(['dataCutOff', 'definition']);
    expect(result?.definitionNote?.en).toBe('Defined differently');
  });

  it('names suppression and a missing figure as reasons', () => {
    expect(
      consistencyCheck('1', 2023, { value: null, suppressed: true }, undefined, false).explanations,
    ).toEqual(['noReference', 'suppression']);
    expect(
      consistencyCheck(
        '1',
        2023,
        { value: 10, suppressed: false },
        { areaLevel: 'county', areaCode: '99', areaName: null, value: 10, absoluteValue: null, mark: null },
        false,
      ),
    ).toMatchObject({ difference: 0, relativeDifference: 0, explanations: [] });
  });

  it('lists the indicators held with their years, and nothing for an indicator not held', async () => {
    expect(await listReferenceIndicators(store, [linked])).toEqual([
      {
        indicatorId: '9999',
        indicatorTitle: 'Testi',
        // No metadata fetched: the title stored with the values stands as the Finnish one.
        indicatorTitles: { fi: 'Testi', sv: null, en: null },
        referenceSource: 'thl-sotkanet',
        years: [2023],
        builtInIndicatorId: 'hc-visits-per-1000',
      },
    ]);
    expect(await referenceComparison(store, '1', {}, async () => undefined)).toBeUndefined();
  });

  it("shows THL's figure beside every built-in that names a Sotkanet id, with the built-in's own note", async () => {
    const linked = builtInIndicators.filter((d) => d.sotkanetId !== undefined);
    expect(linked.length).toBeGreaterThanOrEqual(2);
    for (const [i, d] of linked.entries())
      await store.run(
        `INSERT INTO reference_values VALUES ('thl-sotkanet', $1, 'THL', 'county', '99', 2023, 'total', $2, NULL, NULL, 1, 1)`,
        [String(d.sotkanetId), 100 + i],
      );
    const listed = await listReferenceIndicators(store);
    for (const [i, d] of linked.entries()) {
      const id = String(d.sotkanetId);
      expect(listed.find((l) => l.indicatorId === id)?.builtInIndicatorId, id).toBe(d.id);
      const own = await computeIndicator(store, d, { level: 'county', fromYear: 2023, toYear: 2023 });
      const ownValue = own.values.find((v) => v.areaCode === '99')?.value ?? null;
      const result = await referenceComparison(store, id, { year: 2023 }, async (definition) =>
        definition.id === d.id ? { value: ownValue, suppressed: false } : undefined,
      );
      expect(result?.builtInIndicatorId, id).toBe(d.id);
      expect(result?.organisers.find((o) => o.own)?.value, id).toBe(100 + i);
      expect(result?.definitionNote, id).toEqual(d.sotkanetNote);
      expect(result?.consistency, id).toMatchObject({ own: ownValue, reference: 100 + i });
      expect(result?.consistency?.explanations, id).toContain('definition');
    }
    // An id no built-in names is shown without a built-in, a note or a consistency check.
    const unlinked = await referenceComparison(store, '9999', { year: 2023 }, async () => undefined);
    expect(unlinked).toMatchObject({ builtInIndicatorId: null, definitionNote: null, consistency: null });
    await store.run(`DELETE FROM reference_values WHERE indicator_id <> '9999'`);
  });
});
