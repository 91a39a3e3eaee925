import { describe, expect, it } from 'vitest';
import { findIndicator } from '../indicators/index.js';
import { openStore } from '../store/index.js';
import { ensureShippedMonitoringSets, loadShippedMonitoringSets } from './seed.js';
import { listMonitoringSets } from './sets.js';

describe('the shipped monitoring sets', () => {
  it('hold 8–12 indicators of the built-in package, each with a target', () => {
    const [top, ...others] = loadShippedMonitoringSets();
    expect(others).toEqual([]);
    expect(top?.name).toBe('Top management monitoring set');
    expect(top?.items.length).toBeGreaterThanOrEqual(8);
    expect(top?.items.length).toBeLessThanOrEqual(12);
    for (const item of top?.items ?? []) {
      const definition = findIndicator(item.indicatorId);
      expect(definition, item.indicatorId).toBeDefined();
      expect(item.target, item.indicatorId).toBeDefined();
      // A target calls better what the definition calls better, unless the definition is neutral.
      if (definition?.direction !== 'neutral') expect(item.target?.direction).toBe(definition?.direction);
    }
  });

  it('are stored once, even when the first requests come together', async () => {
    const store = await openStore(':memory:');
    try {
      await Promise.all([
        ensureShippedMonitoringSets(store),
        listMonitoringSets(store),
        listMonitoringSets(store),
      ]);
      const sets = await listMonitoringSets(store);
      expect(sets.map((s) => [s.name, s.version])).toEqual([['Top management monitoring set', 1]]);
      const [row] = await store.all<{ targets: number }>('SELECT count(*)::INTEGER AS targets FROM targets');
      expect(row?.targets).toBe(sets[0]?.indicatorCount);
    } finally {
      store.close();
    }
  });
});
