import { afterEach, describe, expect, it } from 'vitest';
import { findIndicator } from '../indicators/index.js';
import { openState } from '../state/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from '../state/testing.js';
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
});

describe.each(stateBackends)(
  'the shipped monitoring sets in the state on the %s backend',
  (backend: StateBackend) => {
    let opened: TestState | undefined;
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    it('are stored once, even when the first requests come together', async () => {
      opened = await openTestState(backend);
      const { state } = opened;
      await Promise.all([
        ensureShippedMonitoringSets(state),
        listMonitoringSets(state),
        listMonitoringSets(state),
      ]);
      const sets = await listMonitoringSets(state);
      expect(sets.map((s) => [s.name, s.version])).toEqual([['Top management monitoring set', 1]]);
      const [row] = await state.all<{ targets: number }>(
        'SELECT CAST(count(*) AS INTEGER) AS targets FROM state.targets WHERE county = $1',
        [state.county],
      );
      expect(row?.targets).toBe(sets[0]?.indicatorCount);
    });

    // Only PostgreSQL is shared between processes: an embedded store has one process, by DuckDB's file lock.
    it.runIf(backend === 'postgres')(
      'are stored once when two processes seed the same state at once',
      async () => {
        opened = await openTestState(backend);
        const other = await openState({ store: opened.store, url: opened.url, county: opened.state.county });
        try {
          // Each its own first seeding: neither knows the other has begun.
          await Promise.all([ensureShippedMonitoringSets(opened.state), ensureShippedMonitoringSets(other)]);
          expect((await listMonitoringSets(other)).map((s) => s.name)).toEqual([
            'Top management monitoring set',
          ]);
        } finally {
          await other.close();
        }
      },
    );

    it('keep their texts in every language through an edit that leaves them as shown, not through a rename', async () => {
      opened = await openTestState(backend);
      const { state } = opened;
      {
        const [summary] = await listMonitoringSets(state);
        expect(summary?.names?.fi).toBe('Ylimmän johdon seurantamittaristo');
        const set = await findMonitoringSet(state, summary?.id ?? 0);
        if (!set?.names || !set.descriptions) throw new Error('no shipped set');
        const { items, names, descriptions } = set;
        const kept = await updateMonitoringSet(state, set.id, {
          name: names.sv,
          description: descriptions.fi,
          items: items.map(({ indicatorId, scope }) => ({ indicatorId, scope })),
          version: set.version,
        });
        expect(kept).toMatchObject({ name: set.name, description: set.description, names, descriptions });
        const renamed = await updateMonitoringSet(state, set.id, {
          name: 'Hallituksen mittaristo',
          description: descriptions.fi,
          items: [],
          version: kept?.version ?? 0,
        });
        expect(renamed).toMatchObject({ name: 'Hallituksen mittaristo', names: null, descriptions });
      }
    });

    it('get their texts in a store seeded before they had them, unless the county has edited the set', async () => {
      opened = await openTestState(backend);
      const { state } = opened;
      const [shipped] = loadShippedMonitoringSets();
      if (!shipped) throw new Error('no shipped set');
      const seededAt = '2025-01-01T00:00:00.000Z';
      await state.run(
        `INSERT INTO state.monitoring_sets (county, id, name, description, version, created_at, updated_at)
       VALUES ($1, 1, $2, 'Ylimmän johdon seurantamittaristo: costs …', 1, CAST($3 AS TIMESTAMP), CAST($3 AS TIMESTAMP)),
              ($1, 2, 'Oma mittaristo', '', 1, CAST($3 AS TIMESTAMP), CAST($3 AS TIMESTAMP))`,
        [state.county, shipped.name, seededAt],
      );
      await state.run(
        'INSERT INTO state.monitoring_set_seeds (county, name, seeded_at) VALUES ($1, $2, CAST($3 AS TIMESTAMP))',
        [state.county, shipped.name, seededAt],
      );
      const sets = await listMonitoringSets(state);
      expect(sets.map((s) => [s.name, s.names?.sv ?? null, s.description])).toEqual([
        ['Oma mittaristo', null, ''],
        [shipped.name, shipped.names?.sv, shipped.description],
      ]);
    });
  },
);
