import { afterEach, describe, expect, it } from 'vitest';
import { ForecastVariantInput } from '../model/index.js';
import { openState } from '../state/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from '../state/testing.js';
import { deleteVariant, findStoredVariant, findVariant, listVariants, saveVariant } from './variants.js';

describe.each(stateBackends)('saved forecast variants on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('are kept in the state with their labels, override a built-in one, and belong to their county', async () => {
    opened = await openTestState(backend);
    const { state, store } = opened;
    const labels = { fi: 'Oma', sv: 'Egen', en: 'Own' };
    await saveVariant(
      state,
      ForecastVariantInput.parse({
        name: 'own',
        label: 'Own',
        labels,
        assumptions: { extraNetMigrationShare: 0.001 },
      }),
    );
    await saveVariant(
      state,
      ForecastVariantInput.parse({ name: 'base', label: 'Our base', assumptions: {} }),
    );
    const names = (await listVariants(store, state)).map((v) => [v.name, v.builtIn]);
    expect(names).toEqual([
      ['high-migration', true],
      ['low-migration', true],
      ['base', false],
      ['own', false],
    ]);
    expect(await findVariant(store, state, 'own')).toMatchObject({
      labels,
      kind: 'estimated',
      assumptions: { extraNetMigrationShare: 0.001 },
    });
    // Saving again replaces: one row, the new label.
    await saveVariant(state, ForecastVariantInput.parse({ name: 'own', label: 'Own 2', assumptions: {} }));
    expect(await findVariant(store, state, 'own')).toMatchObject({ label: 'Own 2' });
    expect((await findVariant(store, state, 'own'))?.labels).toBeUndefined();
    // The analytic store alone knows only the built-in and imported ones.
    expect(await findStoredVariant(store, 'own')).toBeUndefined();

    const elsewhere = await openState({ store, url: opened.url, county: '09' });
    try {
      expect(await findVariant(store, elsewhere, 'own')).toBeUndefined();
      expect((await findVariant(store, elsewhere, 'base'))?.builtIn).toBe(true);
    } finally {
      await elsewhere.close();
    }
    await deleteVariant(store, state, 'base');
    expect((await findVariant(store, state, 'base'))?.builtIn).toBe(true);
  });
});
