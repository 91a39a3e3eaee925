import {
  ForecastAssumptions,
  type ForecastVariant,
  type ForecastVariantInput,
  ForecastVariantKind,
  type ForecastVariantLabels,
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

/** The saved labels by variant; a variant without any has none. */
const savedLabels = async (store: Store): Promise<Map<string, ForecastVariantLabels>> => {
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

/** Replaces a variant's labels by language (inside the caller's transaction, if any). */
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

/** Built-in variants first, then the saved ones by name; a saved one may override a built-in one. */
export const listVariants = async (store: Store): Promise<ForecastVariant[]> => {
  const labels = await savedLabels(store);
  const saved = (
    await store.all<VariantRow>('SELECT name, label, kind, assumptions FROM forecast_variants ORDER BY name')
  ).map((row) => fromRow(row, labels.get(row.name)));
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
    ...(input.labels && { labels: input.labels }),
    kind,
    builtIn: false,
    assumptions: ForecastAssumptions.parse(input.assumptions ?? {}),
  };
  await store.transaction(async () => {
    await saveLabels(store, variant.name, variant.labels);
    await store.run(
      `INSERT OR REPLACE INTO forecast_variants VALUES ($name, $label, $kind, $assumptions, current_timestamp::TIMESTAMP)`,
      { name: variant.name, label: variant.label, kind, assumptions: JSON.stringify(variant.assumptions) },
    );
  });
  return variant;
};

export const deleteVariant = async (store: Store, name: string): Promise<void> => {
  await store.transaction(async () => {
    await store.run('DELETE FROM forecast_variants WHERE name = $name', { name });
    await store.run('DELETE FROM forecast_official_population WHERE variant = $name', { name });
    await store.run('DELETE FROM forecast_variant_labels WHERE variant = $name', { name });
  });
};
