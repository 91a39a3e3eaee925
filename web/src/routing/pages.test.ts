import { describe, expect, it } from 'vitest';
import { hrefOf, pageFromHash, pageIds } from './pages.js';

describe('hash routes', () => {
  it('round-trip every page', () => {
    for (const page of pageIds) expect(pageFromHash(hrefOf(page))).toBe(page);
  });

  it('open the overview when there is no hash', () => {
    expect(pageFromHash('')).toBe('overview');
    expect(pageFromHash('#/')).toBe('overview');
  });

  it('ignore what follows the page name', () => {
    expect(pageFromHash('#/data/units?year=2025')).toBe('data');
  });

  it('report an unknown page as not found', () => {
    expect(pageFromHash('#/nowhere')).toBeUndefined();
  });
});
