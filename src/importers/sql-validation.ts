import type { RejectReasonCode, RejectReasonParams } from '../model/index.js';
import { valueAliases } from './columns.js';
import { type DateReading, dateSql } from './date-forms.js';
import { type KindSpec, rulesOf } from './kinds.js';
import { largestWholeNumber, numberSql, openAgeSql, openEndSigns } from './number-sql.js';
import { paramsJson } from './reasons.js';
import { municipalityNames } from './reference/index.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';

interface Check {
  field: string;
  /** SQL that is true when the row is bad. */
  bad: string;
  code: RejectReasonCode;
  /** Fixed parameters of the reason. */
  params?: RejectReasonParams;
  /** SQL giving the code instead, when it depends on the row; `code` is then the usual one. */
  codeSql?: string;
  /** SQL giving the parameters as JSON text instead, when they depend on the row. */
  paramsSql?: string;
}

export interface ValidationSql {
  /** A query over the staged rows giving line, every field's typed value, and reject_column / reject_value / reject_code / reject_params. */
  query: (from: string) => string;
  /** The fields the typed result has, in order. */
  fields: string[];
}

const aliasCase = (expr: string, aliases: Record<string, string>): string =>
  `CASE lower(${expr}) ${Object.entries(aliases)
    .map(([from, to]) => `WHEN ${quoteLiteral(from.toLowerCase())} THEN ${quoteLiteral(to)}`)
    .join(' ')} END`;

const enumCase = (expr: string, values: string[]): string =>
  `CASE WHEN ${expr} IN (${values.map(quoteLiteral).join(', ')}) THEN ${expr} END`;

const listOf = (values: string[]): string => values.join(', ');

/**
 * An age as PxWeb labels it (`1 vuotta`, `1 år`, `2 years`) as its number, and the open top age
 * `100 -` as 100. Another open age (`85 -`, "85 and over") is not a single year and stays as given.
 */
const ageLabelSql = (raw: string): string =>
  `COALESCE(NULLIF(regexp_extract(${raw}, '^([0-9]{1,3}) ?(vuotta|vuotias|år|years?)$', 1), ''),
    CASE WHEN regexp_full_match(${raw}, '100\\s*[${openEndSigns}]') THEN '100' END, ${raw})`;

/**
 * Totals as Statistics Finland writes them in Finnish, Swedish and English, as a code (`SSS`) or a
 * label, alone or before a name (`SSS KOKO MAA`): whole country, both sexes, all ages.
 */
const totalWords = [
  'sss',
  'yhteensä',
  'yhteensa',
  'totalt',
  'total',
  'koko maa',
  'hela landet',
  'whole country',
  'molemmat sukupuolet',
  'sukupuolet yhteensä',
  'båda könen',
  'both sexes',
  'kaikki ikäluokat',
  'ikäluokat yhteensä',
  'alla åldrar',
  'all ages',
];
const totalPattern = `(?i)(${totalWords.join('|')})( .*)?`;

/**
 * A municipality label as its code, as `municipalityCodeOf` reads it: `KU091` and `091 Helsinki` by
 * their digits, names through the shipped classification; anything else is kept as given. The names
 * are a table joined on the label, not a CASE: DuckDB takes about 0.2 s to plan a CASE of some 900
 * branches, which every population and cost import would pay however small its file.
 */
const municipalityCodeSql = (raw: string): string => {
  const names = [...municipalityNames()].map(
    ([name, code]) => `(${quoteLiteral(name)}, ${quoteLiteral(code)})`,
  );
  return `CASE WHEN regexp_full_match(${raw}, '(?i)(KU)?[0-9]{3}( .*)?') THEN regexp_extract(${raw}, '[0-9]{3}')
    ELSE COALESCE((SELECT n.code FROM (VALUES ${names.join(', ')}) AS n(name, code)
      WHERE n.name = lower(regexp_replace(${raw}, ' +', ' ', 'g'))), ${raw}) END`;
};

/** Each value standing for itself, so that added aliases keep the canonical values valid. */
const identity = (values: string[] = []): Record<string, string> =>
  Object.fromEntries(values.map((v) => [v, v]));

export interface ValidationOptions {
  /** The column name a reject names for a field: the file's own header. */
  labelOf?: (field: string) => string;
  /** A source system's own codes for a field's values (from its mapping file), added to the known ones. */
  extraValues?: Record<string, Record<string, string>>;
  /** The date forms the mapping file declares. */
  dates?: DateReading;
  /** Values the mapping file gives a field in every row, whatever the file holds. */
  constants?: Record<string, string>;
  /** Values the mapping file gives a field where the file's value is empty or the column absent. */
  defaults?: Record<string, string>;
}

/** Dates outside these years are never stored: they are typing errors or a wrongly read century. */
const firstDate = '1900-01-01';
const lastDate = '2100-12-31';

/**
 * Compiles the checks a kind's zod schema makes into one SQL projection over the staged text
 * columns, so that DuckDB validates millions of rows in parallel while the schema stays the one
 * source of the rules. Each row gets its typed values and, when it fails, the first failing
 * column, the value as given and the reason as a code with its parameters (see reasons.ts).
 */
export const compileValidation = (
  spec: KindSpec,
  stagedColumnOf: (field: string) => string | undefined,
  options: ValidationOptions = {},
): ValidationSql => {
  const {
    labelOf = (field: string) => field,
    extraValues = {},
    dates = {},
    constants = {},
    defaults = {},
  } = options;
  const json = rulesOf(spec);
  const required = new Set(json.required);
  // The query has layers so that each value is parsed once and each check runs once:
  // raw text → typed values → the first failing check's number → the output row.
  const rawColumns: string[] = [];
  const typedInline = new Map<string, string>();
  const checks: Check[] = [];
  const missingDerived: Check[] = [];
  const rawRef = (field: string): string => quoteIdent(`raw ${field}`);
  const typedRef = (field: string): string => (typedInline.has(field) ? quoteIdent(field) : 'NULL');
  const inline = (field: string): string => typedInline.get(field) ?? 'NULL';

  // A lone comma is a decimal comma (Finnish style); with a point present, commas group thousands.
  // Derived fields come last, so that the fields they are computed from are typed already.
  const ordered = Object.entries(json.properties).sort(
    ([a], [b]) => Number(Boolean(spec.derived?.[a])) - Number(Boolean(spec.derived?.[b])),
  );
  for (const [field, property] of ordered) {
    const staged = stagedColumnOf(field);
    const given = staged ? `NULLIF(trim(${quoteIdent(staged)}), '')` : 'NULL::VARCHAR';
    const constant = constants[field];
    const fallback = defaults[field];
    const filled =
      constant !== undefined
        ? quoteLiteral(constant)
        : fallback !== undefined
          ? `COALESCE(${given}, ${quoteLiteral(fallback)})`
          : given;
    rawColumns.push(`${filled} AS ${rawRef(field)}`);
    const raw = rawRef(field);
    const v = quoteIdent(field);
    const known = spec.aliasesOf[field] ? valueAliases[spec.aliasesOf[field]] : undefined;
    const extra = extraValues[field];
    const aliases = extra
      ? { ...(known ?? identity(property.items?.enum ?? property.enum)), ...extra }
      : known;
    const derived = spec.derived?.[field];
    const type = property.type;
    let value: string;
    let parseReason: Pick<Check, 'code' | 'params'> | undefined;
    if (type === 'integer' || type === 'number') {
      const ageLabels = spec.ageLabelFields?.includes(field) ?? false;
      value = ageLabels ? numberSql(raw, ageLabelSql) : numberSql(raw);
      parseReason = { code: type === 'integer' ? 'notWholeNumber' : 'notNumber' };
      // Only the top age is one value; `85-` (85 and over) is a group that no single age stands for.
      if (ageLabels && property.maximum !== undefined)
        checks.push({
          field,
          bad: `${v} IS NULL AND ${openAgeSql(raw)}`,
          code: 'openAgeNotTop',
          params: { max: property.maximum },
        });
      checks.push({ field, bad: `NOT isfinite(${v})`, code: 'notFiniteNumber' });
      if (type === 'integer') {
        checks.push({
          field,
          bad: `abs(${v}) > ${largestWholeNumber}`,
          code: 'wholeNumberTooLarge',
          params: { max: largestWholeNumber },
        });
        checks.push({ field, bad: `${v} <> round(${v})`, code: 'notWholeNumber' });
      }
    } else if (type === 'string' && property.format === 'date') {
      value = dateSql(raw, dates);
      const declared = dates.formats ?? [];
      parseReason =
        declared.length > 0
          ? { code: 'notDateIn', params: { forms: declared.join(', ') } }
          : { code: 'notDate' };
      checks.push({
        field,
        bad: `${v} NOT BETWEEN DATE '${firstDate}' AND DATE '${lastDate}'`,
        code: 'dateOutOfRange',
      });
    } else if (type === 'string' && property.enum) {
      value = aliases ? aliasCase(raw, aliases) : enumCase(raw, property.enum);
      parseReason = { code: 'unknownValue', params: { expected: listOf(property.enum) } };
    } else if (type === 'array') {
      const items = property.items ?? {};
      // Items are separated by a comma, semicolon, bar, slash, ampersand or plus, or by "and" in the
      // three languages ("suomi ja ruotsi", "FI/SV", "fi;sv").
      const separators = `(?i)\\s+(ja|och|and)\\s+|[|;/&+]`;
      const parts = `list_filter(list_transform(string_split(regexp_replace(${raw}, '${separators}', ',', 'g'), ','), e -> trim(e)), e -> e <> '')`;
      const itemAliases = aliases;
      value = itemAliases ? `list_transform(${parts}, e -> ${aliasCase('e', itemAliases)})` : parts;
      if (items.enum) {
        checks.push({
          field,
          bad: `list_contains(list_transform(${v}, e -> e IS NULL), true)`,
          code: 'unknownValue',
          params: { expected: listOf(items.enum) },
        });
      }
      if (property.minItems)
        checks.push({ field, bad: `len(${v}) < ${property.minItems}`, code: 'missingValue' });
    } else {
      // A plain code: the source's own codes are translated, any other value is kept as it is.
      const code = spec.areaLabelFields?.includes(field) ? municipalityCodeSql(raw) : raw;
      value = extra ? `COALESCE(${aliasCase(raw, extra)}, ${code})` : code;
    }
    if (derived) value = `COALESCE(${value}, ${derived(inline)})`;
    typedInline.set(field, value);

    // A derived field is missing when what it is derived from is unknown: that reference check speaks first.
    if (required.has(field) && derived)
      missingDerived.push({ field, bad: `${v} IS NULL`, code: 'missingValue' });
    else if (required.has(field)) checks.unshift({ field, bad: `${raw} IS NULL`, code: 'missingValue' });
    if (parseReason) checks.push({ field, bad: `${raw} IS NOT NULL AND ${v} IS NULL`, ...parseReason });
    if (property.minimum !== undefined)
      checks.push({
        field,
        bad: `${v} < ${property.minimum}`,
        code: 'atLeast',
        params: { min: property.minimum },
      });
    if (property.maximum !== undefined)
      checks.push({
        field,
        bad: `${v} > ${property.maximum}`,
        code: 'atMost',
        params: { max: property.maximum },
      });
    if (property.exclusiveMinimum !== undefined)
      checks.push({
        field,
        bad: `${v} <= ${property.exclusiveMinimum}`,
        code: 'moreThan',
        params: { min: property.exclusiveMinimum },
      });
    if (property.exclusiveMaximum !== undefined)
      checks.push({
        field,
        bad: `${v} >= ${property.exclusiveMaximum}`,
        code: 'lessThan',
        params: { max: property.exclusiveMaximum },
      });
    if (type === 'string' && !property.format && !property.enum) {
      if (property.maxLength !== undefined)
        checks.push({
          field,
          bad: `length(${v}) > ${property.maxLength}`,
          code: 'longerThan',
          params: { max: property.maxLength },
        });
      if (property.minLength !== undefined && property.minLength > 1)
        checks.push({
          field,
          bad: `length(${v}) < ${property.minLength}`,
          code: 'shorterThan',
          params: { min: property.minLength },
        });
      if (property.pattern)
        checks.push({
          field,
          bad: `NOT regexp_full_match(${v}, ${quoteLiteral(property.pattern)})`,
          code: 'notExpectedForm',
        });
    }
  }

  // Totals come first: a total row is skipped whatever else is wrong with it.
  for (const field of [...(spec.totalFields ?? [])].reverse())
    checks.unshift({
      field,
      bad: `regexp_full_match(${rawRef(field)}, ${quoteLiteral(totalPattern)})`,
      code: 'totalRow',
    });
  for (const extra of spec.extraChecks ?? [])
    checks.push({ field: extra.field, bad: extra.bad(typedRef), code: extra.code });
  for (const ref of spec.references) {
    const v = typedRef(ref.field);
    const isList = json.properties[ref.field]?.type === 'array';
    checks.push({
      field: ref.field,
      bad: isList
        ? `NOT list_has_all((SELECT list(code) FROM (${ref.codes})), ${v})`
        : `${v} NOT IN (${ref.codes})`,
      code: ref.code,
      ...ref.explain?.(v),
    });
  }
  checks.push(...missingDerived);

  const fields = Object.keys(json.properties);
  // A failing check whose inputs are NULL yields NULL, not true: the missing-value check has caught it first.
  const failing = `CASE ${checks.map((c, i) => `WHEN ${c.bad} THEN ${i + 1}`).join(' ')} END`;
  const output = [
    'line',
    ...fields.map((f) =>
      json.properties[f]?.type === 'integer'
        ? `TRY_CAST(${quoteIdent(f)} AS BIGINT) AS ${quoteIdent(f)}`
        : quoteIdent(f),
    ),
    `CASE failing ${checks.map((c, i) => `WHEN ${i + 1} THEN ${quoteLiteral(labelOf(c.field))}`).join(' ')} END AS reject_column`,
    `CASE failing ${checks.map((c, i) => `WHEN ${i + 1} THEN ${rawRef(c.field)}`).join(' ')} END AS reject_value`,
    `CASE failing ${checks.map((c, i) => `WHEN ${i + 1} THEN ${c.codeSql ?? quoteLiteral(c.code)}`).join(' ')} END AS reject_code`,
    `CASE failing ${checks.map((c, i) => `WHEN ${i + 1} THEN ${c.paramsSql ?? quoteLiteral(paramsJson(c.params ?? {}))}`).join(' ')} END AS reject_params`,
  ];
  const query = (from: string) => `
    WITH raw AS (SELECT line, ${rawColumns.join(', ')} FROM ${from}),
    typed AS (SELECT *, ${fields.map((f) => `${inline(f)} AS ${quoteIdent(f)}`).join(', ')} FROM raw),
    checked AS (SELECT *, ${failing} AS failing FROM typed)
    SELECT ${output.join(', ')} FROM checked`;
  return { query, fields };
};
