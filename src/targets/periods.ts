const pad = (n: number): string => String(n).padStart(2, '0');

/** First and last day of a period key: "2026", "2026-Q2" or "2026-06"; undefined for anything else. */
export const periodRange = (key: string): { start: string; end: string } | undefined => {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(key.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const [firstMonth, lastMonth] = match[2]
    ? [3 * Number(match[2]) - 2, 3 * Number(match[2])]
    : match[3]
      ? [Number(match[3]), Number(match[3])]
      : [1, 12];
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
};

const msPerYear = 365.2425 * 86_400_000;

/** A date as fractional years (2026.0 is 1 January 2026, near enough for trend lines). */
export const yearsOf = (isoDate: string): number => 1970 + Date.parse(`${isoDate}T00:00:00Z`) / msPerYear;

/** The middle of a period from its first to its last day inclusive, in fractional years. */
export const midpointYears = (start: string, end: string): number =>
  (yearsOf(start) + yearsOf(end) + 1 / 365.2425) / 2;
