import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.js';

describe('safeReturnTo', () => {
  it('keeps a path of the app with its query', () => {
    expect(safeReturnTo('/network?year=2030')).toBe('/network?year=2030');
  });

  it('sends anything else to the front page', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'network',
      '/a\r\nb',
      7,
    ])
      expect(safeReturnTo(value)).toBe('/');
  });
});
