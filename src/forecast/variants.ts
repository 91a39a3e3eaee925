import {
  ForecastAssumptions,
  type ForecastVariant,
  type ForecastVariantInput,
  ForecastVariantKind,
} from '../model/index.js';
import type { Store } from '../store/index.js';

const defaults = (overrides: Partial<ForecastAssumptions> = {}): ForecastAssumptions =>
  ForecastAssumptions.parse(overrides);

/**
 * The variants that exist without being saved. High and low migration add or take 0.3 % of the
 * county's population a year as net migration from abroad, about the spread between Statistics
 * Finland's migration alternatives, on top of the trend of the base period.
 */
export const builtInVariants: readonly ForecastVariant[] = [
  {
    name: 'base',
    label: 'Base: trends of the last ten years',
    kind: 'estimated',
    builtIn: true,
    assumptions: defaults(),
  },
  {
    name: 'high-migration',
    label: 'High migration: +0.3 % of the population a year',
    kind: 'estimated',
    builtIn: true,
    assumptions: defaults({ extraNetMigrationShare: 0.003 }),
  },
  {
    name: 'low-migration',
    label: 'Low migration: −0.3 % of the population a year',
    kind: 'estimated',
    builtIn: true,
    assumptions: defaults({ extraNetMigrationShare: -0.003 }),
  },
];

interface VariantRow {
  name: string;
  label: string;
  kind: string;
  assumptions: string;
}

const fromRow = (row: VariantRow): ForecastVariant => ({
  name: row.name,
  label: row.label,
  kind: ForecastVariantKind.parse(row.kind),
  builtIn: false,
  assumptions: ForecastAssumptions.parse(JSON.parse(row.assumptions)),
});

/** Built-in variants first, then the saved ones by name; a saved one may override a built-in one. */
export const listVariants = async (store: Store): Promise<ForecastVariant[]> => {
  const saved = (
    await store.all<VariantRow>('SELECT name, label, kind, assumptions FROM forecast_variants ORDER BY name')
  ).map(fromRow);
  const savedNames = new Set(saved.map((v) => v.name));
  return [...builtInVariants.filter((v) => !savedNames.has(v.name)), ...saved];
};

export const findVariant = async (store: Store, name: string): Promise<ForecastVariant | undefined> =>
  (await listVariants(store)).find((v) => v.name === name);

/** Saves (or replaces) a user-defined variant. */
export const saveVariant = async (
  store: Store,
  input: ForecastVariantInput,
  kind: ForecastVariantKind = 'estimated',
): Promise<ForecastVariant> => {
  const variant: ForecastVariant = {
    name: input.name,
    label: input.label,
    kind,
    builtIn: false,
    assumptions: ForecastAssumptions.parse(input.assumptions ?? {}),
  };
  await store.run(
    `INSERT OR REPLACE INTO forecast_variants VALUES ($name, $label, $kind, $assumptions, current_timestamp::TIMESTAMP)`,
    { name: variant.name, label: variant.label, kind, assumptions: JSON.stringify(variant.assumptions) },
  );
  return variant;
};

export const deleteVariant = async (store: Store, name: string): Promise<void> => {
  await store.transaction(async () => {
    await store.run('DELETE FROM forecast_variants WHERE name = $name', { name });
    await store.run('DELETE FROM forecast_official_population WHERE variant = $name', { name });
  });
};
