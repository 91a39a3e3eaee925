/**
 * SQL reading numbers as counties' files write them: `1 234,5` and `1234.5`, a lone comma as the
 * decimal comma (Finnish style), commas grouping thousands when a point is present, spaces and
 * no-break spaces grouping digits, a typographic minus sign. Anything else — `NaN`, `inf`,
 * `0x10`, `1_000` (which DuckDB's own cast would read) — is not a number; `1e309` reads as
 * infinity, which the finite check then rejects. `prepare` turns the raw text into a number's text
 * first (an age label into its number, say); plain numbers need no preparing.
 */
export const numberSql = (raw: string, prepare: (raw: string) => string = (r) => r): string =>
  // Nearly every value of a large file is plain digits with at most one decimal separator: one match
  // reads those, and only the rest pay for the general reading (it halves the validation's time).
  `CASE WHEN regexp_full_match(${raw}, '-?[0-9]{1,15}([.,][0-9]{1,15})?') THEN CAST(replace(${raw}, ',', '.') AS DOUBLE)
    ELSE ${generalNumberSql(prepare(raw))} END`;

/** The general reading behind `numberSql`, for any text. */
export const generalNumberSql = (text: string): string => {
  const bare = `replace(replace(replace(replace(${text}, ' ', ''), chr(160), ''), chr(8239), ''), chr(8722), '-')`;
  const dotted = `CASE WHEN contains(${bare}, '.') THEN replace(${bare}, ',', '') ELSE replace(${bare}, ',', '.') END`;
  return `CASE WHEN regexp_full_match(${dotted}, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(${dotted} AS DOUBLE) END`;
};

/** Whole numbers are stored as 32-bit integers (years, ages, counts); a larger one is an error in the file. */
export const largestWholeNumber = 2_147_483_647;

/** Dashes and plus signs that close an open age group: `100-`, `100 -`, `100+`, `100–`. */
export const openEndSigns = '-+\u2010\u2011\u2012\u2013\u2014\u2015\u2212';

/** SQL that is true when the value is an open age group, `N-` or `N+`, of any N. */
export const openAgeSql = (raw: string): string =>
  `regexp_full_match(${raw}, '[0-9]{1,3}\\s*[${openEndSigns}]')`;
