import type { ReactNode } from 'react';

export interface RowGroup<Row> {
  key: string;
  label: ReactNode;
  rows: Row[];
}

/**
 * The sorted rows under their groups, the groups in the order they first come in the unsorted rows, so
 * that sorting a column reorders rows within a group and never moves the groups. Without `groupOf`, one
 * unlabelled group of every row.
 */
export const groupRows = <Row>(
  rows: readonly Row[],
  sorted: readonly Row[],
  groupOf: ((row: Row) => { key: string; label: ReactNode }) | undefined,
): RowGroup<Row>[] => {
  if (!groupOf) return [{ key: 'rows', label: null, rows: [...sorted] }];
  const groups = new Map<string, RowGroup<Row>>();
  for (const row of rows) {
    const { key, label } = groupOf(row);
    if (!groups.has(key)) groups.set(key, { key, label, rows: [] });
  }
  for (const row of sorted) groups.get(groupOf(row).key)?.rows.push(row);
  return [...groups.values()];
};
