import { afterEach, describe, expect, it } from 'vitest';
import { NetworkVariant, ScenarioInput } from '../../model/index.js';
import { openState } from '../../state/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from '../../state/testing.js';
import {
  createScenario,
  deleteScenario,
  findScenario,
  listScenarios,
  updateScenario,
} from './scenario-store.js';

const input = (name: string) => ({
  ...ScenarioInput.parse({ name }),
  baseYear: 2024,
  targetYear: 2030,
  roadNetwork: null,
});

describe.each(stateBackends)('network scenarios on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('keeps every saved version, hides a deleted scenario, and shows none to another county', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const created = await createScenario(state, input('Uusi asema'));
    expect(created).toMatchObject({ version: 1, name: 'Uusi asema', baseYear: 2024, targetYear: 2030 });
    expect(created.createdAt).toBe(created.updatedAt);
    // Two saves at once make versions 2 and 3, neither lost.
    await Promise.all([
      updateScenario(state, created.id, input('Kaksi')),
      updateScenario(state, created.id, input('Kolme')),
    ]);
    expect((await findScenario(state, created.id))?.version).toBe(3);
    expect((await findScenario(state, created.id, 1))?.name).toBe('Uusi asema');
    expect((await listScenarios(state)).map((s) => s.id)).toEqual([created.id]);

    const elsewhere = await openState({ store: opened.store, url: opened.url, county: '09' });
    try {
      expect(await listScenarios(elsewhere)).toEqual([]);
      expect(await updateScenario(elsewhere, created.id, input('x'))).toBeUndefined();
      expect(await deleteScenario(elsewhere, created.id)).toBe(false);
    } finally {
      await elsewhere.close();
    }
    expect(await deleteScenario(state, created.id)).toBe(true);
    expect(await listScenarios(state)).toEqual([]);
    expect(await findScenario(state, created.id)).toBeUndefined();

    // A variant is kept with the scenario; one saved without has none, as before variants were offered.
    expect(created.variant).toBeUndefined();
    const variant = NetworkVariant.parse({ season: 'winter', closedLinks: ['1234'] });
    const winter = await createScenario(state, { ...input('Talvi'), variant });
    expect((await findScenario(state, winter.id))?.variant).toEqual({
      season: 'winter',
      closedLinks: ['1234'],
      ferriesOut: [],
    });
  });
});
