import type { Migration } from './migration.js';

/**
 * Saved forecast variants carried a mortality improvement of 1 % a year whether or not anyone had set
 * one: it was the schema's default, filled in on saving. The improvement is now estimated from the
 * history unless a variant sets it, so that default is taken out of the rows saved before, and those
 * variants follow the history as the base one does. Other values were set by a person and stay. (A
 * variant in which someone had typed exactly 1 % cannot be told apart from the default; it too now
 * follows the history, which is what 1 % stood in for.)
 *
 * Version 9, not 8: another change in progress takes 8; the steps are applied by version, not by count.
 */
export const forecastImprovement: Migration = {
  version: 9,
  name: 'forecast variants without the old default mortality improvement',
  statements: () => [],
  carryOver: async (tx) => {
    const rows = await tx.all<{ county: string; name: string; assumptions: string }>(
      'SELECT county, name, assumptions FROM state.forecast_variants',
    );
    for (const row of rows) {
      const assumptions = JSON.parse(row.assumptions) as Record<string, unknown>;
      if (assumptions.mortalityImprovement !== oldDefault) continue;
      delete assumptions.mortalityImprovement;
      await tx.run('UPDATE state.forecast_variants SET assumptions = $1 WHERE county = $2 AND name = $3', [
        JSON.stringify(assumptions),
        row.county,
        row.name,
      ]);
    }
  },
};

const oldDefault = 0.01;
