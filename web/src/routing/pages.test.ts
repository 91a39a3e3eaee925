import { describe, expect, it } from 'vitest';
import { mayOpen, pageFromPath, pageIds, pagesFor, pathOf } from './pages.js';

describe('page paths', () => {
  it('round-trip every page', () => {
    for (const page of pageIds) expect(pageFromPath(pathOf(page))).toBe(page);
    expect(pageFromPath(pathOf('signin'))).toBe('signin');
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

describe('the pages a reader may open', () => {
  it('leave the users and audit pages to those who may use them', () => {
    expect(pagesFor(['viewAggregates'])).not.toContain('users');
    expect(pagesFor(['viewAggregates'])).not.toContain('audit');
    expect(pagesFor(['viewAggregates', 'manageUsers'])).toContain('users');
    expect(pagesFor(['viewAggregates', 'manageUsers'])).not.toContain('audit');
    expect(mayOpen('audit', ['viewAudit'])).toBe(true);
    expect(mayOpen('overview', [])).toBe(true);
    expect(mayOpen('network', ['viewAggregates'])).toBe(false);
    expect(mayOpen('network', ['viewAggregates', 'editScenarios'])).toBe(true);
  });
});
