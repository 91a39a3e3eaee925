import type { SortDirection } from './sorting.js';

interface SortHeaderProps {
  /** The column's key, on the button for tests and styles to find it by. */
  column: string;
  label: string;
  title?: string | undefined;
  /** The column's direction when the table is sorted by it, undefined otherwise. */
  direction: SortDirection | undefined;
  numeric?: boolean;
  onSort(): void;
}

const arrows: Record<SortDirection, string> = { ascending: '↑', descending: '↓' };

/** A column header that sorts the table; screen readers hear the order from aria-sort. */
export const SortHeader = ({ column, label, title, direction, numeric = false, onSort }: SortHeaderProps) => (
  <th scope="col" className={numeric ? 'num' : undefined} aria-sort={direction ?? 'none'}>
    <button type="button" className="sort-button" onClick={onSort} title={title} data-column={column}>
      {label}
      <span aria-hidden="true" className="sort-button__arrow">
        {direction ? arrows[direction] : '↕'}
      </span>
    </button>
  </th>
);
