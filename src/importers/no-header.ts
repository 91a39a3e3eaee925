/** A number (1, -2,5, 3.75), a date (2024-01-05, 5.1.2024, 01/05/24) or a code with digits (E1, KU091, 1kmN6672E0385). */
const dataLike = /^(?:[-+]?\d+(?:[.,]\d+)?|\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|[A-Za-z]{0,4}\d+[A-Za-z0-9_-]*)$/;

/**
 * When a file's first line holds data rather than column names: at least half its non-empty fields
 * are numbers, dates or codes with digits, which column names (ikä, kunta, Väestö 31.12.) are not.
 * Gives the counts for the refusal, or undefined when the line reads as a header.
 */
export const firstLineAsData = (
  headers: readonly string[],
): { dataLike: number; fields: number } | undefined => {
  const fields = headers.map((h) => h.trim()).filter((h) => h !== '');
  const count = fields.filter((h) => dataLike.test(h)).length;
  return fields.length > 0 && count * 2 >= fields.length
    ? { dataLike: count, fields: fields.length }
    : undefined;
};
