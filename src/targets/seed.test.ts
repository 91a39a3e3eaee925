import { describe, expect, it } from 'vitest';
import { findIndicator } from '../indicators/index.js';
import { openStore } from '../store/index.js';
import { ensureShippedMonitoringSets, loadShippedMonitoringSets } from './seed.js';
import { findMonitoringSet, updateMonitoringSet } from './set-store.js';
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

  it('carry their name and description in Finnish, Swedish and English, each its own', () => {
    for (const set of loadShippedMonitoringSets()) {
      for (const texts of [set.names, set.descriptions]) {
        expect(texts).toBeDefined();
        expect(new Set([texts?.fi, texts?.sv, texts?.en]).size).toBe(3);
      }
      expect(set.names?.en).toBe(set.name);
      expect(set.descriptions?.en).toBe(set.description);
    }
  });

  it('keep their texts in every language through an edit that leaves them as shown, not through a rename', async () => {
    const store = await openStore(':memory:');
    try {
      const [summary] = await listMonitoringSets(store);
      expect(summary?.names?.fi).toBe('Ylimmän johdon seurantamittaristo');
      const set = await findMonitoringSet(store, summary?.id ?? 0);
      if (!set?.names || !set.descriptions) throw new Error('no shipped set');
      const { items, names, descriptions } = set;
      const kept = await updateMonitoringSet(store, set.id, {
        name: names.sv,
        description: descriptions.fi,
        items: items.map(({ indicatorId, scope }) => ({ indicatorId, scope })),
        version: set.version,
      });
      expect(kept).toMatchObject({ name: set.name, description: set.description, names, descriptions });
      const renamed = await updateMonitoringSet(store, set.id, {
        name: 'Hallituksen mittaristo',
        description: descriptions.fi,
        items: [],
        version: kept?.version ?? 0,
      });
      expect(renamed).toMatchObject({ name: 'Hallituksen mittaristo', names: null, descriptions });
    } finally {
      store.close();
    }
  });

  it('get their texts in a store seeded before they had them, unless the county has edited the set', async () => {
    const store = await openStore(':memory:');
    try {
      const [shipped] = loadShippedMonitoringSets();
      if (!shipped) throw new Error('no shipped set');
      await store.run(
        `INSERT INTO monitoring_sets (id, name, description, version, created_at, updated_at)
        VALUES (1, $name, 'Ylimmän johdon seurantamittaristo: costs …', 1, now()::TIMESTAMP, now()::TIMESTAMP),
               (2, 'Oma mittaristo', '', 1, now()::TIMESTAMP, now()::TIMESTAMP)`,
        { name: shipped.name },
      );
      await store.run(`INSERT INTO monitoring_set_seeds VALUES ($name, now()::TIMESTAMP)`, {
        name: shipped.name,
      });
      const sets = await listMonitoringSets(store);
      expect(sets.map((s) => [s.name, s.names?.sv ?? null, s.description])).toEqual([
        ['Oma mittaristo', null, ''],
        [shipped.name, shipped.names?.sv, shipped.description],
      ]);
    } finally {
      store.close();
    }
  });
});
