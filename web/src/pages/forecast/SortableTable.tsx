import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { SortHeader } from './SortHeader.js';
import { nextOrder, type SortOrder, sortRows } from './sorting.js';

export interface SortableColumn<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  /** Numbers align right, and sort largest first on the first click. */
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
  initialOrder: SortOrder<string>;
}

/**
 * A captioned table whose sortable columns have buttons in their headers and say their order with
 * aria-sort. Like DataTable, it scrolls sideways in a focusable region on narrow screens.
 */
export const SortableTable = <Row,>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  initialOrder,
}: SortableTableProps<Row>) => {
  const { language, t } = useI18n();
  const [order, setOrder] = useState(initialOrder);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const collator = new Intl.Collator(localeOf[language]);
  const sorted = sortRows(
    rows,
    order,
    (row, key) => byKey.get(key)?.sortValue?.(row) ?? null,
    collator.compare,
  );
  const captionId = `${id}-caption`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table id={id} className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              column.sortValue ? (
                <SortHeader
                  key={column.key}
                  label={column.header}
                  numeric={column.numeric}
                  direction={order.key === column.key ? order.direction : undefined}
                  onSort={() =>
                    setOrder(nextOrder(order, column.key, column.numeric ? 'descending' : 'ascending'))
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
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t.status.noRows}</td>
            </tr>
          ) : (
            sorted.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = column.numeric ? 'num' : undefined;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
};
