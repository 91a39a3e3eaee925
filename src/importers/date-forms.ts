import { z } from 'zod';
import { quoteLiteral } from './sql-text.js';

/**
 * The written forms of a date the import reads. ISO dates (2025-12-05, a time after them allowed)
 * are always read; D.M.YYYY (5.12.2025) is read unless the mapping file declares its own forms.
 * Any other form, above all two-digit years and slashes (is 01/02/19 the first of February or the
 * second of January, and of which century?), is read only when the mapping file declares it.
 */

/** Day, month and year tokens, in any order, with separators: d.m.yy, d/m/yyyy, m/d/yyyy, yyyymmdd… */
const tokenPattern = /yyyy|yy|dd|d|mm|m|[./\- ]/g;

export const DateFormat = z.string().refine((format) => compileDateForm(format) !== undefined, {
  message:
    'a date format is made of d or dd, m or mm, yy or yyyy, each once, and the separators . / - or a space (e.g. d.m.yy, m/d/yyyy, yyyymmdd)',
});

/**
 * How two-digit years are read: by default a year up to next year's two digits is this century's
 * and any later one the last century's (in 2026: 00–27 → 2000–2027, 28–99 → 1928–1999);
 * `century: 1900` or `century: 2000` puts every two-digit year in that century.
 */
export const Century = z.union([z.literal(1900), z.literal(2000)]);

export interface DateReading {
  /** The forms the mapping file declares, in its own notation. */
  formats?: string[];
  century?: 1900 | 2000;
  /** The year the sliding two-digit rule counts from; the current year unless a test fixes it. */
  thisYear?: number;
}

interface DateForm {
  /** A regular expression over the whole trimmed value. */
  pattern: string;
  /** The replacement that turns a match into year-month-day, two-digit years still two digits. */
  ymd: string;
  twoDigitYear: boolean;
}

const time = '(?:[T ]\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';

const isoForm: DateForm = {
  pattern: `^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`,
  ymd: '\\1-\\2-\\3',
  twoDigitYear: false,
};

/** Compiles one declared form, or undefined if it is not one. */
export const compileDateForm = (format: string): DateForm | undefined => {
  const tokens = format.trim().toLowerCase().match(tokenPattern) ?? [];
  if (tokens.join('') !== format.trim().toLowerCase()) return undefined;
  const groups: Record<string, number> = {};
  let pattern = '^';
  let group = 0;
  let twoDigitYear = false;
  for (const token of tokens) {
    const part = token[0] as string;
    if (!'dmy'.includes(part)) {
      pattern += `\\${token}`.replace('\\ ', ' ');
      continue;
    }
    if (groups[part] !== undefined) return undefined;
    groups[part] = ++group;
    if (token === 'yyyy') pattern += '(\\d{4})';
    else if (token === 'yy') {
      pattern += '(\\d{2})';
      twoDigitYear = true;
    } else pattern += token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
  }
  if (groups.d === undefined || groups.m === undefined || groups.y === undefined) return undefined;
  return { pattern: `${pattern}${time}$`, ymd: `\\${groups.y}-\\${groups.m}-\\${groups.d}`, twoDigitYear };
};

const finnishForm = compileDateForm('d.m.yyyy') as DateForm;

/** The forms read, in order: ISO, then the declared ones or else D.M.YYYY. */
const dateForms = (reading: DateReading): DateForm[] => {
  const declared = reading.formats ?? [];
  const forms = [isoForm, ...(declared.length > 0 ? declared.map(compileDateForm) : [finnishForm])];
  return forms.filter((f): f is DateForm => f !== undefined);
};

/**
 * SQL reading a trimmed text value as a DATE in the accepted forms, NULL when it is none of them or
 * not a real calendar date (TRY_CAST refuses 2025-02-31). The first form that matches decides.
 */
export const dateSql = (raw: string, reading: DateReading = {}): string => {
  const forms = dateForms(reading);
  const thisYear = reading.thisYear ?? new Date().getUTCFullYear();
  const pivot = (thisYear + 1) % 100;
  const read = (form: DateForm): string => {
    const ymd = `regexp_replace(${raw}, ${quoteLiteral(form.pattern)}, ${quoteLiteral(form.ymd)})`;
    const full = form.twoDigitYear
      ? reading.century
        ? `'${reading.century / 100}' || ${ymd}`
        : `CASE WHEN CAST(left(${ymd}, 2) AS INTEGER) <= ${pivot} THEN '${Math.floor(thisYear / 100)}' ELSE '${Math.floor(thisYear / 100) - 1}' END || ${ymd}`
      : ymd;
    return `WHEN regexp_full_match(${raw}, ${quoteLiteral(form.pattern)}) THEN TRY_CAST(${full} AS DATE)`;
  };
  return `CASE ${forms.map(read).join(' ')} END`;
};
