import { describe, expect, it } from 'vitest';
import { languages } from '../../i18n/languages.js';
import { forecastMessages } from './messages.js';

const leaves = (value: unknown, prefix = ''): [string, unknown][] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key))
    : [[prefix, value]];

describe('the Forecast page’s texts', () => {
  const reference = leaves(forecastMessages.fi).map(([path]) => path);

  it('have the same keys in every language, built-in variant names included', () => {
    for (const language of languages)
      expect(leaves(forecastMessages[language]).map(([path]) => path)).toEqual(reference);
  });

  it('have no empty texts, and put their parameters in', () => {
    for (const language of languages) {
      for (const [path, value] of leaves(forecastMessages[language])) {
        if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
        if (typeof value === 'function')
          expect((value as (...args: string[]) => string)('2035', '2040'), path).toContain('2035');
      }
    }
  });

  it('are translated, not copied', () => {
    expect(forecastMessages.sv.pyramid.title).not.toBe(forecastMessages.fi.pyramid.title);
    expect(forecastMessages.en.gap.title).not.toBe(forecastMessages.sv.gap.title);
  });
});
