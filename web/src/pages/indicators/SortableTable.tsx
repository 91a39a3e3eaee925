import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { type SortDirection, type SortValue, sortRows } from './sorting.js';

export interface SortableColumn<Row> {
  id: string;
  header: string;
  cell(row: Row): ReactNode;
  /** Columns without a sort value cannot be sorted (a button column, say). */
  sortValue?(row: Row): SortValue;
  numeric?: boolean;
  rowHeader?: boolean;
}

interface SortableTableProps<Row> {
  id: string;
  caption: string;
  columns: readonly SortableColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  sortLabel(column: string): string;
  initialSort?: { column: string; direction: SortDirection };
  emptyText: string;
}

/**
 * A table whose column headers sort it. Each sortable header is a button; the sorted column says so
 * with aria-sort, which screen readers announce, and with an arrow for sighted readers.
 */
export const SortableTable = <Row,>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  sortLabel,
  initialSort,
  emptyText,
}: SortableTableProps<Row>) => {
  const { language } = useI18n();
  const [sort, setSort] = useState(initialSort);
  const column = columns.find((candidate) => candidate.id === sort?.column);
  const sorted =
    sort && column?.sortValue
      ? sortRows(rows, column.sortValue, sort.direction, new Intl.Collator(localeOf[language]))
      : rows;
  const toggle = (columnId: string) =>
    setSort((current) => ({
      column: columnId,
      direction:
        current?.column === columnId && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const captionId = `${id}-caption`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table id={id} className="data-table sortable-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const direction = sort?.column === c.id ? sort.direction : undefined;
              return (
                <th
                  key={c.id}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={direction ?? (c.sortValue ? 'none' : undefined)}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => toggle(c.id)}
                      title={sortLabel(c.header)}
                      data-column={c.id}
                    >
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{emptyText}</td>
            </tr>
          ) : (
            sorted.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.id} scope="row" className={c.numeric ? 'num' : undefined}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.id} className={c.numeric ? 'num' : undefined}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
};
