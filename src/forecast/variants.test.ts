import { afterEach, describe, expect, it } from 'vitest';
import { ForecastVariantInput } from '../model/index.js';
import { migrate, openState } from '../state/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from '../state/testing.js';
import { emptyRates, projectCohorts } from './cohort.js';
import type { PopulationHistory } from './estimate.js';
import { groupCount } from './layout.js';
import { projectVariant } from './projection.js';
import { referenceDeathProbability } from './reference-rates.js';
import { deleteVariant, findStoredVariant, findVariant, listVariants, saveVariant } from './variants.js';

/** One closed area (no moves, no births) dying by the reference table, 2 % less each year, 2010–2022. */
const improvingHistory = (): PopulationHistory => {
  const rates = emptyRates(1);
  rates.deathProbability.set(referenceDeathProbability());
  rates.mortalityTrend = 0.98;
  const base = new Float64Array(groupCount).fill(5000);
  return {
    years: Array.from({ length: 13 }, (_, i) => 2010 + i),
    areaCodes: ['001'],
    population: projectCohorts(base, rates, 12).population,
  };
};

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

  it('estimate the mortality improvement from the history like the base one, unless they set their own', async () => {
    opened = await openTestState(backend);
    const { state, store } = opened;
    await saveVariant(state, ForecastVariantInput.parse({ name: 'plain', label: 'Plain', assumptions: {} }));
    await saveVariant(
      state,
      ForecastVariantInput.parse({
        name: 'slow',
        label: 'Slow',
        assumptions: { mortalityImprovement: 0.005 },
      }),
    );
    const history = improvingHistory();
    const plain = await findVariant(store, state, 'plain');
    const slow = await findVariant(store, state, 'slow');
    if (!plain || !slow) throw new Error('the saved variants are missing');
    expect(plain.assumptions.mortalityImprovement).toBeUndefined();
    const plainBasis = projectVariant(history, plain).basis;
    expect(plainBasis?.mortality.improvementSource).toBe('estimated');
    expect(plainBasis?.mortality.improvementBelow85).toBeCloseTo(0.02, 2);
    expect(plainBasis?.cautions).toEqual([]);
    // The same as the built-in base variant's.
    const base = await findVariant(store, state, 'base');
    if (!base) throw new Error('no base variant');
    expect(plainBasis?.mortality).toEqual(projectVariant(history, base).basis?.mortality);
    const slowBasis = projectVariant(history, slow).basis;
    expect(slowBasis?.mortality.improvementSource).toBe('assumed');
    expect(slowBasis?.mortality.improvementBelow85).toBeCloseTo(0.005, 6);
  });

  it('saved with the old default of 1 % a year follow the history after the upgrade; other values stay', async () => {
    opened = await openTestState(backend);
    const { state, store } = opened;
    // Rows as saved before: every default filled in, 1 % a year among them.
    const old = (improvement: number) =>
      JSON.stringify({
        toYear: 2045,
        basePeriodYears: 10,
        migrationFactor: 1,
        mortalityImprovement: improvement,
      });
    for (const [name, improvement] of [
      ['old-default', 0.01],
      ['old-own', 0.02],
    ] as const)
      await state.run(
        `INSERT INTO state.forecast_variants (county, name, label, labels, kind, assumptions, saved_at)
         VALUES ($1, $2, $3, NULL, 'estimated', $4, CAST($5 AS TIMESTAMP))`,
        [state.county, name, name, old(improvement), '2026-01-01T00:00:00.000Z'],
      );
    await state.run('DELETE FROM state.migrations WHERE version = 9');
    expect(await migrate(state)).toEqual([9]);
    expect(
      (await findVariant(store, state, 'old-default'))?.assumptions.mortalityImprovement,
    ).toBeUndefined();
    expect((await findVariant(store, state, 'old-own'))?.assumptions).toMatchObject({
      mortalityImprovement: 0.02,
      basePeriodYears: 10,
    });
  });
});
