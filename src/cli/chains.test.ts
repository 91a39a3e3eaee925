import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvents, tinyEvents } from '../chains/testing.js';
import { ChainResult } from '../model/index.js';
import { openStore, type Store } from '../store/index.js';
import { chainsCompute, chainsList } from './commands/chains.js';

describe('soteatlas chains', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await insertEvents(store, tinyEvents);
  });
  afterAll(() => store.close());

  it('lists the shipped chains with their steps', async () => {
    const text = await chainsList(store, { json: false });
    expect(text).toMatch(/^hip-fracture\s+v1 {2}emergency → inpatient → rehabilitation → aftercare/m);
    expect(text.trim().split('\n').length).toBeGreaterThanOrEqual(5);
  });

  it('computes a chain for a year by municipality, as JSON and as text, suppressed for a manager', async () => {
    const options = {
      db: ':memory:',
      chain: 'hip-fracture',
      period: '2024',
      by: 'municipality',
      role: 'analyst',
      json: true,
    };
    const result = ChainResult.parse(JSON.parse(await chainsCompute(store, options)));
    expect(result.total.entered.value).toBe(4);
    expect(result.total.steps.map((s) => s.reached.value)).toEqual([4, 3, 2, 1]);
    expect(result.groups.map((g) => g.category)).toEqual(['101', '102']);
    const text = await chainsCompute(store, { ...options, json: false, role: 'manager' });
    expect(text).toContain('(small counts withheld)');
    expect(text).toContain('<5');
    expect(text).toMatch(
      /\n\n<5 = withheld: a figure about fewer than five clients, or one from which such a figure could be worked out\.\n$/,
    );
    expect(await chainsCompute(store, { ...options, json: false })).not.toContain('<5');
    await expect(chainsCompute(store, { ...options, chain: 'nope' })).rejects.toThrow(/no chain nope/);
  });
});
