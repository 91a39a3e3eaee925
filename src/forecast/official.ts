import { readFileSync } from 'node:fs';
import {
  ForecastAssumptions,
  type ForecastVariant,
  type ForecastVariantLabels,
  type Sex,
  SoteatlasError,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import { saveLabels } from './variants.js';

interface Dimension {
  label?: string;
  category: { index?: string[] | Record<string, number>; label?: Record<string, string> };
}

interface Dataset {
  id: string[];
  size: number[];
  role?: { time?: string[]; geo?: string[] };
  dimension: Record<string, Dimension>;
  value: (number | null)[] | Record<string, number | null>;
}

export interface OfficialRow {
  areaCode: string;
  year: number;
  age: number;
  sex: Sex;
  count: number;
}

const isDataset = (value: unknown): value is Dataset =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  'size' in value &&
  'dimension' in value &&
  'value' in value;

const codesOf = (dimension: Dimension | undefined): string[] => {
  const index = dimension?.category.index;
  if (Array.isArray(index)) return index;
  if (index)
    return Object.entries(index)
      .sort(([, a], [, b]) => a - b)
      .map(([code]) => code);
  return Object.keys(dimension?.category.label ?? {});
};

const sexOf = (code: string): Sex | undefined => {
  const c = code.trim().toLowerCase();
  if (['1', 'm', 'male', 'miehet', 'män'].includes(c)) return 'male';
  if (['2', 'n', 'f', 'female', 'naiset', 'kvinnor'].includes(c)) return 'female';
  return undefined;
};

/** Single years "0" … "99" and the open "100-"; totals and five-year groups are skipped. */
const ageOf = (code: string): number | undefined => {
  const m = /^(\d{1,3})(-|\+)?$/.exec(code.trim());
  return m ? Math.min(Number(m[1]), 100) : undefined;
};

/**
 * Reads a population projection in JSON-stat 2.0, as Statistics Finland's PxWeb serves table 14wx
 * ("Väestöennuste 2024 … alueittain"). Dimensions are found by role and by their ids' and labels' words
 * in Finnish, Swedish or English, never by fixed codes, which change between table versions; area
 * codes lose PxWeb's "KU" prefix. Totals ("SSS"), non-municipal areas and any further dimension's
 * categories other than the first (e.g. the contents variable) are skipped.
 */
export const parseOfficialProjection = (json: unknown): OfficialRow[] => {
  const candidate = isDataset(json) ? json : (json as { dataset?: unknown } | null)?.dataset;
  if (!isDataset(candidate)) throw new SoteatlasError('invalidDataset', 'not a JSON-stat 2.0 dataset');
  const dataset = candidate;
  const find = (role: 'time' | 'geo' | undefined, words: RegExp) =>
    (role ? dataset.role?.[role]?.[0] : undefined) ??
    dataset.id.find((id) => words.test(id) || words.test(dataset.dimension[id]?.label ?? ''));
  const ids = {
    area: find('geo', /alue|område|region|area/i),
    year: find('time', /vuosi|år|year|time/i),
    age: find(undefined, /ik[äa]|ålder|age/i),
    sex: find(undefined, /sukupuoli|kön|sex|gender/i),
  };
  const missing = Object.entries(ids).filter(([, id]) => id === undefined);
  if (missing.length > 0)
    throw new SoteatlasError(
      'invalidDataset',
      `JSON-stat table has no ${missing.map(([n]) => n).join(', ')} dimension`,
      { details: { missing: missing.map(([n]) => n).join(',') } },
    );
  const codes = dataset.id.map((id) => codesOf(dataset.dimension[id]));
  const at = (id: string | undefined) => dataset.id.indexOf(id ?? '');
  const [ai, yi, gi, si] = [at(ids.area), at(ids.year), at(ids.age), at(ids.sex)];
  const total = dataset.size.reduce((a, b) => a * b, 1);
  const digits = new Array<number>(dataset.size.length).fill(0);
  const rows: OfficialRow[] = [];
  for (let i = 0; i < total; i++) {
    let rest = i;
    for (let d = dataset.size.length - 1; d >= 0; d--) {
      const size = dataset.size[d] ?? 1;
      digits[d] = rest % size;
      rest = Math.floor(rest / size);
    }
    if (digits.some((digit, d) => d !== ai && d !== yi && d !== gi && d !== si && digit !== 0)) continue;
    const code = (d: number) => codes[d]?.[digits[d] ?? 0] ?? '';
    const area = /^(KU)?(\d{3})$/.exec(code(ai).trim());
    const year = Number(code(yi));
    const age = ageOf(code(gi));
    const sex = sexOf(code(si));
    const value = Array.isArray(dataset.value) ? dataset.value[i] : dataset.value[String(i)];
    if (!area || !Number.isInteger(year) || age === undefined || sex === undefined) continue;
    if (value === null || value === undefined || !Number.isFinite(value) || value < 0) continue;
    rows.push({ areaCode: area[2] as string, year, age, sex, count: value });
  }
  if (rows.length === 0)
    throw new SoteatlasError(
      'invalidDataset',
      'the table holds no figures by municipality, single-year age and sex',
    );
  return rows;
};

/**
 * Stores an official projection as a variant of its own (replacing one of the same name), so that the
 * county's own projection can be shown beside it.
 */
export const importOfficialProjection = async (
  store: Store,
  options: { name: string; label: string; labels?: ForecastVariantLabels | undefined; rows: OfficialRow[] },
): Promise<ForecastVariant> => {
  const years = options.rows.map((r) => r.year);
  const first = Math.min(...years);
  const variant: ForecastVariant = {
    name: options.name,
    label: options.label,
    ...(options.labels && { labels: options.labels }),
    kind: 'official',
    builtIn: false,
    assumptions: ForecastAssumptions.parse({ baseYear: first - 1, toYear: Math.max(...years) }),
  };
  await store.transaction(async () => {
    await store.run('DELETE FROM forecast_official_population WHERE variant = $name', { name: variant.name });
    // The appender writes within the open transaction, far faster than parameterised inserts.
    const appender = await store.connection.createAppender('forecast_official_population');
    try {
      for (const r of options.rows) {
        appender.appendVarchar(variant.name);
        appender.appendVarchar(r.areaCode);
        appender.appendInteger(r.year);
        appender.appendInteger(r.age);
        appender.appendVarchar(r.sex);
        appender.appendDouble(r.count);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await saveLabels(store, variant.name, variant.labels);
    await store.run(
      `INSERT OR REPLACE INTO forecast_variants VALUES ($name, $label, 'official', $assumptions, current_timestamp::TIMESTAMP)`,
      { name: variant.name, label: variant.label, assumptions: JSON.stringify(variant.assumptions) },
    );
  });
  return variant;
};

/** What an imported projection is called when its importer names it nothing else. */
export const officialLabels = {
  fi: 'Tilastokeskuksen väestöennuste',
  sv: 'Statistikcentralens befolkningsprognos',
  en: 'Statistics Finland population projection',
} as const satisfies ForecastVariantLabels;

export const importOfficialProjectionFile = async (
  store: Store,
  path: string,
  options: { name?: string; label?: string; labels?: ForecastVariantLabels } = {},
): Promise<ForecastVariant> =>
  importOfficialProjection(store, {
    name: options.name ?? 'official',
    label: options.label ?? officialLabels.en,
    // A label given without translations stands for every language.
    labels: options.labels ?? (options.label === undefined ? officialLabels : undefined),
    rows: parseOfficialProjection(JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))),
  });
