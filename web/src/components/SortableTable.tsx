import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { localeOf } from '../i18n/languages.js';
import { groupRows } from './grouping.js';
import { SortHeader } from './SortHeader.js';
import { nextOrder, type SortDirection, type SortOrder, sortRows } from './sorting.js';

export interface SortableColumn<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  /** Numbers align right (and sort in `numericFirst` order on the first click). */
  numeric?: boolean;
  /** The column that names the row; its cells become row headers for screen readers. */
  rowHeader?: boolean;
  /** Present when the column sorts: the figure or name it sorts by (null for not known, last). */
  sortValue?(row: Row): number | string | null;
}

interface SortableTableProps<Row> {
  id: string;
  caption: string;
  columns: readonly SortableColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  /** The order the table opens in; rows stay as given when left out. */
  initialOrder?: SortOrder<string>;
  /** The first click on a figure's column: largest first unless said otherwise. */
  numericFirst?: SortDirection;
  /** A tooltip for a header's sort button, e.g. "Sort by Value". */
  sortLabel?(header: string): string;
  /** Said in place of the rows when there are none; the app's own "no rows" by default. */
  emptyText?: string;
  /** Summary rows (totals) in the table foot; they stay last whatever the order. */
  foot?: ReactNode;
  /**
   * Rows under group headings, a tbody each, the groups in the order they first come in `rows`;
   * sorting orders the rows within each group.
   */
  groupOf?(row: Row): { key: string; label: ReactNode };
  /** Class names added to the table's own. */
  className?: string;
}

/**
 * A captioned table whose sortable columns have buttons in their headers and say their order with
 * aria-sort; a table without sortable columns is a plain captioned table with column and row headers. It
 * scrolls sideways in a focusable region on narrow screens. Rows without a value go last in either
 * direction, so a withheld figure is never read as the smallest.
 */
export const SortableTable = <Row,>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  initialOrder,
  numericFirst = 'descending',
  sortLabel,
  emptyText,
  foot,
  groupOf,
  className,
}: SortableTableProps<Row>) => {
  const { language, t } = useI18n();
  const [order, setOrder] = useState(initialOrder);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const collator = new Intl.Collator(localeOf[language]);
  const sorted = order
    ? sortRows(rows, order, {
        sortValue: (row, key) => byKey.get(key)?.sortValue?.(row) ?? null,
        compareText: collator.compare,
      })
    : rows;
  const captionId = `${id}-caption`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table id={id} className={className ? `data-table ${className}` : 'data-table'}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              column.sortValue ? (
                <SortHeader
                  key={column.key}
                  column={column.key}
                  label={column.header}
                  title={sortLabel?.(column.header)}
                  numeric={column.numeric}
                  direction={order?.key === column.key ? order.direction : undefined}
                  onSort={() =>
                    setOrder(nextOrder(order, column.key, column.numeric ? numericFirst : 'ascending'))
                  }
                />
              ) : (
                <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        {sorted.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columns.length}>{emptyText ?? t.status.noRows}</td>
            </tr>
          </tbody>
        ) : (
          groupRows(rows, sorted, groupOf).map((body) => (
            <tbody key={body.key}>
              {groupOf ? (
                <tr className="group-row">
                  <th scope="colgroup" colSpan={columns.length}>
                    {body.label}
                  </th>
                </tr>
              ) : null}
              {body.rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => {
                    const cellClass = column.numeric ? 'num' : undefined;
                    return column.rowHeader ? (
                      <th key={column.key} scope="row" className={cellClass}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key} className={cellClass}>
                        {column.cell(row)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))
        )}
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </section>
  );
};
