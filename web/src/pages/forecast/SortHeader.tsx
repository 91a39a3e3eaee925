import type { SortDirection } from './sorting.js';

interface SortHeaderProps {
  label: string;
  /** The column's direction when the table is sorted by it, undefined otherwise. */
  direction: SortDirection | undefined;
  numeric?: boolean;
  onSort(): void;
}

const arrows: Record<SortDirection, string> = { ascending: '↑', descending: '↓' };

/** A column header that sorts the table; screen readers hear the order from aria-sort. */
export const SortHeader = ({ label, direction, numeric = false, onSort }: SortHeaderProps) => (
  <th scope="col" className={numeric ? 'num' : undefined} aria-sort={direction ?? 'none'}>
    <button type="button" className="sort-button" onClick={onSort}>
      {label}
      <span aria-hidden="true" className="sort-button__arrow">
        {direction ? arrows[direction] : '↕'}
      </span>
    </button>
  </th>
);
