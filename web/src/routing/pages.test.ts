import { describe, expect, it } from 'vitest';
import { pageFromPath, pageIds, pathOf } from './pages.js';

describe('page paths', () => {
  it('round-trip every page', () => {
    for (const page of pageIds) expect(pageFromPath(pathOf(page))).toBe(page);
  });

  it('give the overview the root path and accept its name too', () => {
    expect(pathOf('overview')).toBe('/');
    expect(pageFromPath('/overview')).toBe('overview');
  });

  it('ignore a trailing slash and what follows the page name', () => {
    expect(pageFromPath('/data/')).toBe('data');
    expect(pageFromPath('/data/units')).toBe('data');
  });

  it('report an unknown page as not found', () => {
    expect(pageFromPath('/nowhere')).toBeUndefined();
  });
});
