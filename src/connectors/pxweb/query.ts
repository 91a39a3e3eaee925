import { SoteatlasError } from '../../model/index.js';
import type { PxSelection, PxTableMetadata, PxVariable } from './api.js';
import { isTotal, municipalityValue, type VariableRoles, variableRoles } from './roles.js';

export interface TableQueryWish {
  /** Municipality codes, three digits (as the store keeps them). */
  municipalities: string[];
  /** Years wanted; the latest `last` years of the table when none are named. */
  years?: number[];
  last?: number;
  /** Every single-year age and both sexes, leaving their totals out. */
  byAgeAndSex: boolean;
  /** For another variable (by its words), which values to take: every non-total one when it matches. */
  allOf?: RegExp;
  /** The language groups Soteatlas keeps: Finnish, Swedish, Sámi and all foreign languages together. */
  byLanguageGroup?: boolean;
}

const languageVariable = /^(kieli|äidinkieli|språk|modersmål|language|mother tongue)/i;
/** Finnish, Swedish and Sámi by their ISO codes, as the table lists them; its foreign languages by their total's words. */
const languageGroupValue = (variable: PxVariable, index: number): boolean =>
  /^(fi|sv|se)$/i.test(variable.values[index] ?? '') ||
  /^(vieraat kielet|främmande språk|foreign languages)/i.test((variable.valueTexts[index] ?? '').trim());

export interface BuiltQuery {
  selections: PxSelection[];
  cells: number;
  roles: VariableRoles;
  /** Municipalities asked for that the table does not have (merged away, or not yet there). */
  missingMunicipalities: string[];
  missingYears: number[];
}

const item = (variable: PxVariable, values: string[]): PxSelection => ({
  code: variable.code,
  selection: { filter: 'item', values },
});

const nonTotals = (variable: PxVariable): string[] =>
  variable.values.filter((_code, index) => !isTotal(variable, index));

export const cellCount = (selections: PxSelection[]): number =>
  selections.reduce((cells, s) => cells * s.selection.values.length, 1);

/**
 * The query for a county's municipalities and years, built from the table's metadata: the codes sent
 * are the ones the metadata lists, so a table whose variable codes changed gets a query in its own.
 */
export const buildQuery = (metadata: PxTableMetadata, wish: TableQueryWish): BuiltQuery => {
  const roles = variableRoles(metadata);
  const available = new Map(
    roles.area.values.flatMap((code) => {
      const m = municipalityValue.exec(code);
      return m ? [[m[1] as string, code] as const] : [];
    }),
  );
  const areaValues = wish.municipalities.flatMap((code) => available.get(code) ?? []);
  const missingMunicipalities = wish.municipalities.filter((code) => !available.has(code));
  const tableYears = roles.year.values.filter((code) => /^\d{4}$/.test(code));
  const years = wish.years
    ? tableYears.filter((code) => wish.years?.includes(Number(code)))
    : tableYears.slice(-(wish.last ?? 1));
  const missingYears = (wish.years ?? []).filter((y) => !tableYears.includes(String(y)));
  if (areaValues.length === 0)
    throw new SoteatlasError(
      'invalidRequest',
      `none of the municipalities asked for (${wish.municipalities.join(', ')}) is in the table`,
      { details: { refusal: 'municipalitiesNotInTable', municipalities: wish.municipalities.join(', ') } },
    );
  if (years.length === 0)
    throw new SoteatlasError(
      'invalidRequest',
      `none of the years asked for is in the table (it has ${tableYears[0]}–${tableYears.at(-1)})`,
      {
        details: {
          refusal: 'yearsNotInTable',
          firstYear: Number(tableYears[0]),
          lastYear: Number(tableYears.at(-1)),
        },
      },
    );
  const selections: PxSelection[] = [item(roles.area, areaValues), item(roles.year, years)];
  if (wish.byAgeAndSex) {
    if (!roles.age || !roles.sex) throw new Error(`the table "${metadata.title}" is not by age and sex`);
    selections.push(item(roles.age, nonTotals(roles.age)), item(roles.sex, nonTotals(roles.sex)));
  }
  for (const other of roles.others) {
    if (wish.byLanguageGroup && languageVariable.test(other.text.trim())) {
      const values = other.values.filter((_code, index) => languageGroupValue(other, index));
      if (values.length < 4)
        throw new Error(
          `the table "${metadata.title}" does not list Finnish, Swedish, Sámi and foreign languages in "${other.text}"`,
        );
      selections.push(item(other, values));
    } else if (wish.allOf?.test(other.text)) selections.push(item(other, nonTotals(other)));
    // Left out of the query, a variable that may be eliminated is given as its total; any other is
    // asked for at its first value (the contents variable, e.g. "Väestö 31.12.").
    else if (!other.elimination && other.values[0] !== undefined)
      selections.push(item(other, [other.values[0]]));
  }
  return { selections, cells: cellCount(selections), roles, missingMunicipalities, missingYears };
};

/**
 * Splits a query over the service's cell limit into queries under it, cutting first the dimensions
 * named first (areas, then years, then the rest), each into as few parts as the limit allows.
 */
export const splitQuery = (selections: PxSelection[], maxCells: number, order: string[]): PxSelection[][] => {
  if (cellCount(selections) <= maxCells) return [selections];
  const [code, ...rest] = order;
  const target = selections.find((s) => s.code === code);
  if (!target) throw new Error(`a single query would exceed the service's limit of ${maxCells} cells`);
  const values = target.selection.values;
  const others = cellCount(selections) / values.length;
  const withValues = (part: string[]) =>
    selections.map((s) =>
      s === target ? { code: s.code, selection: { filter: 'item' as const, values: part } } : s,
    );
  if (others <= maxCells) {
    const size = Math.max(1, Math.floor(maxCells / others));
    const parts: PxSelection[][] = [];
    for (let i = 0; i < values.length; i += size) parts.push(withValues(values.slice(i, i + size)));
    return parts;
  }
  return values.flatMap((value) => splitQuery(withValues([value]), maxCells, rest));
};
