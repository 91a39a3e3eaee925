/** Writing delimited text the way Finnish source systems produce it (RFC 4180 quoting, decimal comma). */

export type Delimiter = ';' | ',' | '\t';

/** Quotes a field only when it must be: when it holds the delimiter, a quote or a line break. */
export const csvField = (value: string | number | undefined, delimiter: Delimiter = ';'): string => {
  if (value === undefined) return '';
  const text = String(value);
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
};

export const csvLine = (
  fields: readonly (string | number | undefined)[],
  delimiter: Delimiter = ';',
): string => `${fields.map((field) => csvField(field, delimiter)).join(delimiter)}\n`;

/**
 * A euro amount given in cents, written with two decimals and the given separator. Integer cents
 * keep sums exact, and this is several times faster than toFixed in the event loop.
 */
export const formatCents = (cents: number, decimalSeparator: ',' | '.' = ','): string => {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(Math.round(cents));
  const euros = Math.floor(absolute / 100);
  const rest = absolute - euros * 100;
  return `${sign}${euros}${decimalSeparator}${rest < 10 ? '0' : ''}${rest}`;
};

/** A decimal number with a decimal comma, as Finnish spreadsheets and statistics write it. */
export const formatDecimalComma = (value: number, decimals: number): string =>
  value.toFixed(decimals).replace('.', ',');
