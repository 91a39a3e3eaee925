/** The year after `year` among `years` (in order), or undefined at the last: where playing goes next. */
export const nextYear = (years: readonly number[], year: number): number | undefined =>
  years.find((candidate) => candidate > year);

/** Where playing starts: from the year shown, or over from the first when the last is shown. */
export const startYear = (years: readonly number[], year: number): number => {
  const last = years[years.length - 1];
  return last !== undefined && year >= last ? (years[0] ?? year) : year;
};
