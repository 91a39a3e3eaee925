export type SortDirection = 'ascending' | 'descending';

export interface SortOrder<Key extends string> {
  key: Key;
  direction: SortDirection;
}

/**
 * Rows ordered by one figure or name; rows without a value go last whichever the direction, since
 * "not known" is neither large nor small.
 */
export const sortRows = <Row, Key extends string>(
  rows: readonly Row[],
  order: SortOrder<Key>,
  {
    sortValue,
    compareText = (a, b) => a.localeCompare(b),
  }: {
    sortValue: (row: Row, key: Key) => number | string | null;
    compareText?: (a: string, b: string) => number;
  },
): Row[] => {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, order.key);
    const right = sortValue(b, order.key);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    if (typeof left === 'string' || typeof right === 'string')
      return sign * compareText(String(left), String(right));
    return sign * (left - right);
  });
};

/** A click on the sorted column turns its direction; a click on another sorts it in its first direction. */
export const nextOrder = <Key extends string>(
  current: SortOrder<Key> | undefined,
  key: Key,
  firstDirection: SortDirection,
): SortOrder<Key> =>
  current?.key === key
    ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { key, direction: firstDirection };
