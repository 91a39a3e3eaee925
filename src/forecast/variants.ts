import {
  ForecastAssumptions,
  type ForecastVariant,
  type ForecastVariantInput,
  ForecastVariantKind,
  ForecastVariantLabels,
} from '../model/index.js';
import type { CountyQueries } from '../state/index.js';
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
    labels: {
      fi: 'Perusura: viimeisen kymmenen vuoden kehitys',
      sv: 'Basalternativ: utvecklingen under de senaste tio åren',
      en: 'Base: trends of the last ten years',
    },
    kind: 'estimated',
    builtIn: true,
    assumptions: defaults(),
  },
  {
    name: 'high-migration',
    label: 'High migration: +0.3 % of the population a year',
    labels: {
      fi: 'Korkea muutto: +0,3 % väestöstä vuodessa',
      sv: 'Hög flyttning: +0,3 % av befolkningen per år',
      en: 'High migration: +0.3 % of the population a year',
    },
    kind: 'estimated',
    builtIn: true,
    assumptions: defaults({ extraNetMigrationShare: 0.003 }),
  },
  {
    name: 'low-migration',
    label: 'Low migration: −0.3 % of the population a year',
    labels: {
      fi: 'Matala muutto: −0,3 % väestöstä vuodessa',
      sv: 'Låg flyttning: −0,3 % av befolkningen per år',
      en: 'Low migration: −0.3 % of the population a year',
    },
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

const labelLanguages = ['fi', 'sv', 'en'] as const;

const fromRow = (row: VariantRow, labels: ForecastVariantLabels | undefined): ForecastVariant => ({
  name: row.name,
  label: row.label,
  ...(labels && { labels }),
  kind: ForecastVariantKind.parse(row.kind),
  builtIn: false,
  assumptions: ForecastAssumptions.parse(JSON.parse(row.assumptions)),
});

/** The imported projections' labels by variant; a variant without any has none. */
const importedLabels = async (store: Store): Promise<Map<string, ForecastVariantLabels>> => {
  const rows = await store.all<{ variant: string; language: string; label: string }>(
    'SELECT variant, language, label FROM forecast_variant_labels',
  );
  const byVariant = new Map<string, ForecastVariantLabels>();
  for (const row of rows) {
    const language = labelLanguages.find((candidate) => candidate === row.language);
    if (!language) continue;
    byVariant.set(row.variant, { ...byVariant.get(row.variant), [language]: row.label });
  }
  return byVariant;
};

/** Replaces an imported projection's labels by language (inside the caller's transaction, if any). */
export const saveLabels = async (
  store: Store,
  name: string,
  labels: ForecastVariantLabels | undefined,
): Promise<void> => {
  await store.run('DELETE FROM forecast_variant_labels WHERE variant = $name', { name });
  for (const language of labelLanguages) {
    const label = labels?.[language];
    if (label !== undefined)
      await store.run('INSERT INTO forecast_variant_labels VALUES ($name, $language, $label)', {
        name,
        language,
        label,
      });
  }
};

/**
 * The official projections imported into the analytic store. (Variants users saved there before the
 * state existed were carried over into the state, and are not read here.)
 */
const officialVariants = async (store: Store): Promise<ForecastVariant[]> => {
  const labels = await importedLabels(store);
  return (
    await store.all<VariantRow>(
      "SELECT name, label, kind, assumptions FROM forecast_variants WHERE kind = 'official' ORDER BY name",
    )
  ).map((row) => fromRow(row, labels.get(row.name)));
};

/** The variants users saved in the state, by name. */
const savedVariants = async (state: CountyQueries): Promise<ForecastVariant[]> =>
  (
    await state.all<VariantRow & { labels: string | null }>(
      'SELECT name, label, labels, kind, assumptions FROM state.forecast_variants WHERE county = $1 ORDER BY name',
      [state.county],
    )
  ).map((row) =>
    fromRow(row, row.labels === null ? undefined : ForecastVariantLabels.parse(JSON.parse(row.labels))),
  );

/** Built-in variants first, then the given ones by name; a given one overrides a built-in one of its name. */
const withBuiltIns = (given: readonly ForecastVariant[]): ForecastVariant[] => {
  const names = new Set(given.map((v) => v.name));
  return [...builtInVariants.filter((v) => !names.has(v.name)), ...given];
};

/**
 * The variants the analytic store alone knows: the built-in ones and the imported official projections.
 * Engines that are given a variant by name without the state (network scenarios read "base") use these.
 */
export const storedVariants = async (store: Store): Promise<ForecastVariant[]> =>
  withBuiltIns(await officialVariants(store));

export const findStoredVariant = async (store: Store, name: string): Promise<ForecastVariant | undefined> =>
  (await storedVariants(store)).find((v) => v.name === name);

/**
 * Built-in variants first, then the imported and the saved ones by name; a saved one overrides a built-in
 * or imported one of its name.
 */
export const listVariants = async (store: Store, state: CountyQueries): Promise<ForecastVariant[]> => {
  const saved = await savedVariants(state);
  const savedNames = new Set(saved.map((v) => v.name));
  const official = (await officialVariants(store)).filter((v) => !savedNames.has(v.name));
  return withBuiltIns([...official, ...saved].sort((a, b) => a.name.localeCompare(b.name)));
};

export const findVariant = async (
  store: Store,
  state: CountyQueries,
  name: string,
): Promise<ForecastVariant | undefined> => (await listVariants(store, state)).find((v) => v.name === name);

/** Saves (or replaces) a user-defined variant in the state. */
export const saveVariant = async (
  state: CountyQueries,
  input: ForecastVariantInput,
): Promise<ForecastVariant> => {
  const variant: ForecastVariant = {
    name: input.name,
    label: input.label,
    ...(input.labels && { labels: input.labels }),
    kind: 'estimated',
    builtIn: false,
    assumptions: ForecastAssumptions.parse(input.assumptions ?? {}),
  };
  await state.run(
    `INSERT INTO state.forecast_variants (county, name, label, labels, kind, assumptions, saved_at)
     VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS TIMESTAMP))
     ON CONFLICT (county, name) DO UPDATE SET label = excluded.label, labels = excluded.labels,
       kind = excluded.kind, assumptions = excluded.assumptions, saved_at = excluded.saved_at`,
    [
      state.county,
      variant.name,
      variant.label,
      variant.labels ? JSON.stringify(variant.labels) : null,
      variant.kind,
      JSON.stringify(variant.assumptions),
      new Date().toISOString(),
    ],
  );
  return variant;
};

/** Deletes a saved variant from the state, or an imported projection from the analytic store. */
export const deleteVariant = async (store: Store, state: CountyQueries, name: string): Promise<void> => {
  const [saved] = await state.all('SELECT 1 FROM state.forecast_variants WHERE county = $1 AND name = $2', [
    state.county,
    name,
  ]);
  if (saved) {
    await state.run('DELETE FROM state.forecast_variants WHERE county = $1 AND name = $2', [
      state.county,
      name,
    ]);
    return;
  }
  await store.transaction(async () => {
    await store.run("DELETE FROM forecast_variants WHERE name = $name AND kind = 'official'", { name });
    await store.run('DELETE FROM forecast_official_population WHERE variant = $name', { name });
    await store.run('DELETE FROM forecast_variant_labels WHERE variant = $name', { name });
  });
};
