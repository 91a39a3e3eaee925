import { describe, expect, it } from 'vitest';
import { languages } from './languages.js';
import { dictionaries } from './messages.js';

/** Every path to a leaf ("data.imports.caption"), with arrays counted as leaves of their own length. */
const leafPaths = (value: unknown, prefix = ''): string[] => {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [`${prefix}:${typeof value}`];
};

const emptyTexts = (value: unknown, prefix = ''): string[] => {
  if (typeof value === 'string') return value.trim() === '' ? [prefix] : [];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => emptyTexts(child, `${prefix}.${key}`));
  }
  return [];
};

describe('the dictionaries', () => {
  it('have the same keys, kinds of value and list lengths in every language', () => {
    const reference = leafPaths(dictionaries.fi);
    for (const language of languages) expect(leafPaths(dictionaries[language])).toEqual(reference);
  });

  it('have no empty texts', () => {
    for (const language of languages) expect(emptyTexts(dictionaries[language])).toEqual([]);
  });

  it('give parameterised texts their parameter', () => {
    for (const language of languages) {
      expect(dictionaries[language].data.areas.caption('2025')).toContain('2025');
      expect(dictionaries[language].capacity.visits('12 000')).toContain('12 000');
    }
  });

  it('translate rather than copy the Finnish texts', () => {
    expect(dictionaries.sv.data.map.name).not.toBe(dictionaries.fi.data.map.name);
    expect(dictionaries.en.data.map.name).not.toBe(dictionaries.fi.data.map.name);
    expect(dictionaries.en.nav.overview).not.toBe(dictionaries.sv.nav.overview);
  });
});
