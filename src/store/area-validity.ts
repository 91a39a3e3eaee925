/** SQL condition: the area row `alias` is valid in the year bound to `$year`. */
export const validInYearSql = (alias: string): string =>
  `${alias}.valid_from_year <= $year AND (${alias}.valid_to_year IS NULL OR ${alias}.valid_to_year >= $year)`;
