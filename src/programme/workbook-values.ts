/**
 * Cell values as the programme office writes them, read without guessing: dates as d.M.yyyy or ISO,
 * numbers with a decimal comma or point and spaces between thousands. Anything else is a rejected row.
 */
const validDate = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date.toISOString().slice(0, 10)
    : undefined;
};

export const dateOf = (text: string): string | undefined => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  return finnish ? validDate(Number(finnish[3]), Number(finnish[2]), Number(finnish[1])) : undefined;
};

export const numberOf = (text: string): number | undefined => {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  return /^-?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : undefined;
};

/** A list of codes separated by commas, semicolons or spaces. */
export const codesOf = (text: string): string[] => text.split(/[\s,;]+/).filter((c) => c !== '');
