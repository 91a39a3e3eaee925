import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsByKind, normaliseHeader } from './columns.js';
import { loadMapping, resolveColumns } from './mapping.js';
import { tempDir } from './testing.js';

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

  it('reads constants and defaults from YAML, numbers and all, as text', () => {
    const file = join(tempDir(), 'wfs.yaml');
    writeFileSync(
      file,
      'constants:\n  level: municipality\n  validFromYear: 2025\ndefaults:\n  parentCode: "99"\n',
    );
    expect(loadMapping(file)).toMatchObject({
      constants: { level: 'municipality', validFromYear: '2025' },
      defaults: { parentCode: '99' },
    });
  });

  it('lists the columns a mapping names that the file lacks', () => {
    const r = resolveColumns(['Datum'], fieldsByKind.events, {
      columns: { sourceId: 'Besöks-ID', date: 'datum' },
    });
    expect(r.mappedMissing).toEqual(['sourceId: Besöks-ID']);
  });

  it('knows the names of Statistics Finland’s WFS municipality layer', () => {
    const r = resolveColumns(['id', 'kunta', 'vuosi', 'nimi', 'namn', 'name'], fieldsByKind.areas);
    expect(Object.fromEntries(r.indexOf)).toEqual({ code: 1, validFromYear: 2, nameFi: 3, nameSv: 4 });
    const old = resolveColumns(['kunta', 'kunta_ni1', 'kunta_ni2'], fieldsByKind.areas);
    expect(Object.fromEntries(old.indexOf)).toEqual({ code: 0, nameFi: 1, nameSv: 2 });
  });
});
