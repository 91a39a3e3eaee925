import { afterEach, describe, expect, it } from 'vitest';
import { openState, type StateDb } from '../state/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from '../state/testing.js';
import { chainHistory, findChain, listChains, saveChain } from './chain-store.js';
import { tinyChain } from './chains.fixture.js';
import { loadShippedChains } from './shipped.js';

const editor = { issuer: 'https://idp.example', subject: 'anna' };

describe.each(stateBackends)('chain definitions on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  let other: StateDb | undefined;
  afterEach(async () => {
    await other?.close();
    await opened?.close();
    opened = undefined;
    other = undefined;
  });

  it('ships five chains at version 1, saves edits as new versions per county, and refuses a stale edit', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const shipped = await listChains(state);
    expect(shipped.map((c) => [c.definition.id, c.version, c.shipped])).toEqual(
      loadShippedChains().map((c) => [c.id, 1, true]),
    );
    expect(shipped.length).toBeGreaterThanOrEqual(5);

    const hip = shipped.find((c) => c.definition.id === 'hip-fracture');
    if (!hip) throw new Error('no hip-fracture chain');
    const edited = { ...hip.definition, end: { withinDaysOfEntry: 120 } };
    const saved = await saveChain(state, edited, 1, editor);
    expect(saved.version).toBe(2);
    expect(saved.definition.end.withinDaysOfEntry).toBe(120);
    expect(saved.updatedBy).toBe('https://idp.example anna');
    await expect(saveChain(state, edited, 1, editor)).rejects.toMatchObject({ code: 'conflict' });

    const own = await saveChain(state, tinyChain, 0, editor);
    expect([own.version, own.shipped]).toEqual([1, false]);
    expect((await chainHistory(state, 'hip-fracture')).map((h) => h.version)).toEqual([2]);

    other = await openState({ store: opened.store, url: opened.url, county: '09' });
    expect((await findChain(other, 'hip-fracture'))?.version).toBe(1);
    expect(await findChain(other, 'tiny')).toBeUndefined();
  });
});
