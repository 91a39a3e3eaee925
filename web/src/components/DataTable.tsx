import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** Numbers align right so that their digits line up. */
  numeric?: boolean;
  /** The column that names the row; its cells become row headers for screen readers. */
  rowHeader?: boolean;
}

interface DataTableProps<Row> {
  id: string;
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  /** Summary rows (totals) rendered in the table foot. */
  foot?: ReactNode;
}

/**
 * A captioned table with column and row headers. The wrapper scrolls sideways on narrow screens; it is a
 * focusable region named by the caption so that keyboard users can scroll it too.
 */
export const DataTable = <Row,>({ id, caption, columns, rows, rowKey, foot }: DataTableProps<Row>) => {
  const { t } = useI18n();
  const captionId = `${id}-caption`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table id={id} className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t.status.noRows}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = column.numeric ? 'num' : undefined;
                  return column.rowHeader ? (
                    <th key={column.header} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.header} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </section>
  );
};
