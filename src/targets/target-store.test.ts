import { afterEach, describe, expect, it } from 'vitest';
import { openState, type StateDb } from '../state/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from '../state/testing.js';
import {
  createMonitoringSet,
  deleteMonitoringSet,
  findMonitoringSet,
  listMonitoringSets,
  updateMonitoringSet,
} from './set-store.js';
import { deleteTarget, findTarget, listTargets, saveTarget, updateTarget } from './target-store.js';

const target = {
  indicatorId: 'hc-visits-per-1000',
  scope: { level: 'county', code: null },
  period: '2025',
  targetValue: 5,
  direction: 'higherIsBetter',
  tolerance: 1,
} as const;

describe.each(stateBackends)('targets and monitoring sets on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  let other: StateDb | undefined;
  afterEach(async () => {
    await other?.close();
    await opened?.close();
    opened = undefined;
    other = undefined;
  });

  /** The same database as another county sees it. */
  const otherCounty = async (): Promise<StateDb> => {
    if (!opened) throw new Error('no state');
    other = await openState({ store: opened.store, url: opened.url, county: '09' });
    return other;
  };

  it('keeps one target per indicator, scope and period, replaced in place, for its county only', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const first = await saveTarget(state, target);
    const replaced = await saveTarget(state, { ...target, targetValue: 6 });
    expect(replaced).toMatchObject({ id: first.id, targetValue: 6, scope: { level: 'county', code: null } });
    expect(replaced.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const municipal = await saveTarget(state, { ...target, scope: { level: 'municipality', code: '002' } });
    expect(municipal.id).toBeGreaterThan(first.id);
    expect((await listTargets(state, { scope: { level: 'county', code: null } })).map((t) => t.id)).toEqual([
      first.id,
    ]);
    expect(await updateTarget(state, municipal.id, { ...target, period: '2026' })).toMatchObject({
      period: '2026',
      scope: { level: 'county', code: null },
    });

    const elsewhere = await otherCounty();
    expect(await listTargets(elsewhere)).toEqual([]);
    expect(await findTarget(elsewhere, first.id)).toBeUndefined();
    expect(await deleteTarget(elsewhere, first.id)).toBe(false);
    expect(await deleteTarget(state, first.id)).toBe(true);
    expect((await listTargets(state)).map((t) => t.id)).toEqual([municipal.id]);
  });

  it('refuses an edit made on an older version of a set, and deletes a set with its items', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const set = await createMonitoringSet(state, {
      name: 'Oma',
      items: [
        {
          indicatorId: target.indicatorId,
          target: { period: '2025', targetValue: 5, direction: 'higherIsBetter', tolerance: 1 },
        },
      ],
    });
    expect(set).toMatchObject({ version: 1, indicatorCount: 1, items: [{ target: { targetValue: 5 } }] });
    const edited = await updateMonitoringSet(state, set.id, { name: 'Oma 2', items: [], version: 1 });
    expect(edited).toMatchObject({ name: 'Oma 2', version: 2, indicatorCount: 0 });
    await expect(
      updateMonitoringSet(state, set.id, { name: 'Oma 3', items: [], version: 1 }),
    ).rejects.toMatchObject({ code: 'conflict', details: { version: 1, currentVersion: 2 } });
    await expect(createMonitoringSet(state, { name: 'OMA 2', items: [] })).rejects.toMatchObject({
      code: 'conflict',
    });

    const elsewhere = await otherCounty();
    expect(await listMonitoringSets(elsewhere)).toEqual([]);
    expect(
      await updateMonitoringSet(elsewhere, set.id, { name: 'x', items: [], version: 2 }),
    ).toBeUndefined();
    // Another county may use the name: names are unique within a county.
    expect(await createMonitoringSet(elsewhere, { name: 'Oma 2', items: [] })).toMatchObject({
      name: 'Oma 2',
    });

    expect(await deleteMonitoringSet(state, set.id)).toBe(true);
    expect(await findMonitoringSet(state, set.id)).toBeUndefined();
    expect(
      await state.all('SELECT set_id FROM state.monitoring_set_items WHERE county = $1', ['07']),
    ).toEqual([]);
  });
});
