import type { ImportView, RejectedRow, RejectsPage } from '../../../../src/model/index.js';
import { rejectsPath, useRejects } from '../../api/endpoints.js';
import { Loaded } from '../../components/Loaded.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { fileName } from './names.js';

/** How many of the newest import's rejected rows the page shows; the rest are in the report. */
const shown = 10;

/**
 * The first rejected rows of the newest import that has any, each with its reason in the page's
 * language (the server words the reason codes), so that what went wrong is seen without a download.
 */
export const RejectSample = ({ imports }: { imports: readonly ImportView[] }) => {
  const { language } = useI18n();
  const latest = [...imports].sort((a, b) => b.importId - a.importId).find((entry) => entry.rowsRejected > 0);
  const rejects = useRejects(latest ? rejectsPath(latest.importId, { limit: shown, lang: language }) : null);
  if (!latest) return null;
  return <Loaded state={rejects}>{(page) => <RejectTable entry={latest} page={page} />}</Loaded>;
};

const RejectTable = ({ entry, page }: { entry: ImportView; page: RejectsPage }) => {
  const { t, number } = useI18n();
  const text = t.data.rejects;
  const columns: SortableColumn<RejectedRow>[] = [
    { key: 'line', header: text.line, cell: (row) => number(row.line), numeric: true, rowHeader: true },
    { key: 'column', header: text.column, cell: (row) => row.column },
    { key: 'value', header: text.value, cell: (row) => row.value ?? '' },
    { key: 'reason', header: text.reason, cell: (row) => row.reason },
  ];
  return (
    <SortableTable
      id="reject-sample"
      caption={text.caption(entry.importId, fileName(entry.sourceFile), page.rows.length, page.total)}
      columns={columns}
      rows={page.rows}
      rowKey={(row) => `${row.line}-${row.column}`}
    />
  );
};
