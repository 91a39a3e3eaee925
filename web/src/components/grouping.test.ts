import { describe, expect, it } from 'vitest';
import { groupRows } from './grouping.js';

const rows = [
  { group: 'total', metric: 'a', value: 1 },
  { group: 'total', metric: 'b', value: 3 },
  { group: 'HC', metric: 'a', value: 2 },
  { group: 'HC', metric: 'b', value: 0 },
];
const groupOf = (row: (typeof rows)[number]) => ({ key: row.group, label: row.group.toUpperCase() });

describe('rows under group headings', () => {
  it('keep the groups where they first come while the rows within them follow the sort', () => {
    const sorted = [...rows].sort((a, b) => a.value - b.value);
    expect(
      groupRows(rows, sorted, groupOf).map((group) => [group.label, group.rows.map((row) => row.value)]),
    ).toEqual([
      ['TOTAL', [1, 3]],
      ['HC', [0, 2]],
    ]);
  });

  it('are one unlabelled group in the sorted order when the table has no groups', () => {
    const sorted = [...rows].reverse();
    expect(groupRows(rows, sorted, undefined)).toEqual([{ key: 'rows', label: null, rows: sorted }]);
  });
});
