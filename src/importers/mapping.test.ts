import { describe, expect, it } from 'vitest';
import { fieldsByKind, normaliseHeader } from './columns.js';
import { resolveColumns } from './mapping.js';

describe('resolveColumns', () => {
  it('reads Finnish, Swedish and English headers alike', () => {
    const fi = resolveColumns(['Alue', 'Vuosi', 'Ikä', 'Sukupuoli', 'Lukumäärä'], fieldsByKind.population);
    const sv = resolveColumns(['Område', 'År', 'Ålder', 'Kön', 'Antal'], fieldsByKind.population);
    const en = resolveColumns(['area', 'year', 'age', 'sex', 'count'], fieldsByKind.population);
    for (const r of [fi, sv, en]) {
      expect([...r.indexOf.entries()]).toEqual([
        ['areaCode', 0],
        ['year', 1],
        ['age', 2],
        ['sex', 3],
        ['count', 4],
      ]);
    }
  });

  it('lets a mapping file name a source system’s own columns and reports unused ones', () => {
    const r = resolveColumns(['Besöks-ID', 'Datum', 'Extra'], fieldsByKind.events, {
      columns: { sourceId: 'Besöks-ID' },
      values: {},
    });
    expect(r.indexOf.get('sourceId')).toBe(0);
    expect(r.indexOf.get('date')).toBe(1);
    expect(r.unused).toEqual(['Extra']);
  });

  it('folds case, Nordic letters and punctuation in header names', () => {
    expect(normaliseHeader(' Kustannus (EUR) ')).toBe('kustannus_eur');
    expect(normaliseHeader('Ålder')).toBe('alder');
    expect(normaliseHeader('LUKUMÄÄRÄ')).toBe('lukumaara');
  });
});
