import { readFileSync, statSync } from 'node:fs';
import type { SourceBatch, SourceTable } from '../source.js';

interface Dimension {
  label?: string;
  category: { index?: string[] | Record<string, number>; label?: Record<string, string> };
}

interface Dataset {
  class?: string;
  id: string[];
  size: number[];
  role?: { time?: string[]; geo?: string[]; metric?: string[] };
  dimension: Record<string, Dimension>;
  value: (number | null)[] | Record<string, number | null>;
}

export const isJsonStat = (value: unknown): value is Dataset =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  'size' in value &&
  'dimension' in value &&
  'value' in value;

const categoryCodes = (dimension: Dimension): string[] => {
  const index = dimension.category.index;
  if (Array.isArray(index)) return index;
  if (index)
    return Object.entries(index)
      .sort(([, a], [, b]) => a - b)
      .map(([code]) => code);
  return Object.keys(dimension.category.label ?? {});
};

/** Finds a dimension by its declared role, else by words in its id or label (Finnish, Swedish, English). */
const findDimension = (
  dataset: Dataset,
  role: 'time' | 'geo' | undefined,
  words: RegExp,
): string | undefined => {
  const byRole = role ? dataset.role?.[role]?.[0] : undefined;
  if (byRole) return byRole;
  return dataset.id.find((id) => words.test(id) || words.test(dataset.dimension[id]?.label ?? ''));
};

const totalCodes = new Set(['SSS', 'S', 'TOTAL', 'YHTEENSA', 'ALL']);

/**
 * Statistics Finland writes municipalities as KU091 and single years of age as "0" … "99", "100-";
 * ages go on as written, so that the import reads the open top age and rejects any other open group.
 */
const areaCode = (code: string): string => code.replace(/^KU(?=\d{3}$)/, '');

/**
 * Reads a JSON-stat 2.0 population table (as PxWeb serves, e.g. Statistics Finland's 11re), or one by
 * language instead of age and sex (11rm).
 * Dimension ids are read from the file, never assumed: codes change between table versions.
 * Each cell, totals included (the import skips those), becomes a record whose "line" is its position in the cube.
 */
export const readJsonStat = async (path: string): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const candidate = isJsonStat(parsed) ? parsed : (parsed as { dataset?: unknown }).dataset;
  if (!isJsonStat(candidate)) throw new Error('not a JSON-stat 2.0 dataset');
  const dataset: Dataset = candidate;
  const area = findDimension(dataset, 'geo', /alue|område|omrade|region|area/i);
  const year = findDimension(dataset, 'time', /vuosi|år|year|time/i);
  const age = findDimension(dataset, undefined, /ik[äa]|ålder|alder|age/i);
  const sex = findDimension(dataset, undefined, /sukupuoli|kön|kon|sex|gender/i);
  // A table by language (Statistics Finland's 11rm) has a language where a population table has age and sex.
  const language = age ? undefined : findDimension(dataset, undefined, /kieli|språk|sprak|language|tongue/i);
  const missing = [
    ['area', area],
    ['year', year],
    ...(language
      ? []
      : [
          ['age', age],
          ['sex', sex],
        ]),
  ].filter(([, id]) => !id);
  if (missing.length > 0)
    throw new Error(`JSON-stat table has no ${missing.map(([n]) => n).join(', ')} dimension`);
  const codes = dataset.id.map((id) => categoryCodes(dataset.dimension[id] as Dimension));
  const position = (id: string | undefined) => dataset.id.indexOf(id ?? '');
  // By language, the figures are read at the sex's total (the query leaves sex to it), like any other dimension.
  const [ai, yi, gi, si] = language
    ? [position(area), position(year), position(language), -1]
    : [position(area), position(year), position(age), position(sex)];
  const firstDigit = dataset.id.map((id, d) => {
    const total =
      language && id === sex ? (codes[d] ?? []).findIndex((c) => totalCodes.has(c.toUpperCase())) : 0;
    return Math.max(0, total);
  });
  const total = dataset.size.reduce((a, b) => a * b, 1);
  const valueAt = (i: number): number | null | undefined =>
    Array.isArray(dataset.value) ? dataset.value[i] : dataset.value[String(i)];

  let emptyCells = 0;

  async function* batches(): AsyncGenerator<SourceBatch> {
    let records: { line: number; fields: string[] }[] = [];
    const digits = new Array<number>(dataset.size.length).fill(0);
    for (let i = 0; i < total; i++) {
      // Row-major order: the last dimension varies fastest.
      let rest = i;
      for (let d = dataset.size.length - 1; d >= 0; d--) {
        const size = dataset.size[d] ?? 1;
        digits[d] = rest % size;
        rest = Math.floor(rest / size);
      }
      const code = (d: number) => codes[d]?.[digits[d] ?? 0] ?? '';
      // Totals are rows like any other, read as SSS so that the import skips and counts them.
      const [a, y, g, s] = [code(ai), code(yi), code(gi), code(si)].map((c) =>
        totalCodes.has(c.toUpperCase()) ? 'SSS' : c,
      ) as [string, string, string, string];
      // Other dimensions (contents such as "vaesto") must be at their only or first category.
      if (digits.some((digit, d) => d !== ai && d !== yi && d !== gi && d !== si && digit !== firstDigit[d]))
        continue;
      const value = valueAt(i);
      // A missing value (PxWeb's "..") is a cell without data, like an empty line in a CSV: no record.
      if (value === null || value === undefined) {
        emptyCells++;
        continue;
      }
      const fields = language ? [areaCode(a), y, g, String(value)] : [areaCode(a), y, g, s, String(value)];
      records.push({ line: i + 1, fields });
      if (records.length >= 10_000) {
        yield { records, mayHoldIdentityCodes: true, bytesRead: Math.round((bytesTotal * i) / total) };
        records = [];
      }
    }
    if (records.length > 0) yield { records, mayHoldIdentityCodes: true, bytesRead: bytesTotal };
  }

  return {
    format: 'jsonstat',
    encoding: 'utf-8',
    delimiter: null,
    decimalSeparator: '.',
    headers: language
      ? ['area_code', 'year', 'language', 'count']
      : ['area_code', 'year', 'age', 'sex', 'count'],
    bytesTotal,
    batches: batches(),
    emptyLines: () => emptyCells,
  };
};
