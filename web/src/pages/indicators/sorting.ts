export type SortValue = number | string | null;
export type SortDirection = 'ascending' | 'descending';

/**
 * Rows in the order of one column. Missing and withheld values go last in either direction, so that a
 * suppressed figure is never read as the smallest; text compares in the reader's language.
 */
export const sortRows = <Row>(
  rows: readonly Row[],
  keyOf: (row: Row) => SortValue,
  direction: SortDirection,
  collator: Intl.Collator,
): Row[] => {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: keyOf(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
};
