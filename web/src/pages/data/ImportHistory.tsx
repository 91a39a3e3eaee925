import type { ImportView } from '../../../../src/model/index.js';
import { rejectReportPath } from '../../api/endpoints.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { fileName } from './names.js';

const RejectReportLink = ({ entry }: { entry: ImportView }) => {
  const { t, language } = useI18n();
  if (entry.rowsRejected === 0) return <span className="muted">{t.data.imports.noRejects}</span>;
  return (
    <a href={rejectReportPath(entry.importId, language)} download={`rejects-${entry.importId}.csv`}>
      {t.data.imports.download}
      <span className="visually-hidden">: {t.data.imports.downloadContext(entry.importId)}</span>
    </a>
  );
};

export const ImportHistory = ({ imports }: { imports: ImportView[] }) => {
  const { t, number, dateTime } = useI18n();
  const text = t.data.imports;
  const columns: SortableColumn<ImportView>[] = [
    { key: 'id', header: text.id, cell: (entry) => entry.importId, numeric: true, rowHeader: true },
    { key: 'kind', header: text.kind, cell: (entry) => t.kinds.import[entry.kind] },
    {
      key: 'file',
      header: text.file,
      cell: (entry) => <span className="file-name">{fileName(entry.sourceFile)}</span>,
    },
    { key: 'rowsRead', header: text.rowsRead, cell: (entry) => number(entry.rowsRead), numeric: true },
    {
      key: 'rowsAccepted',
      header: text.rowsAccepted,
      cell: (entry) => number(entry.rowsAccepted),
      numeric: true,
    },
    {
      key: 'rowsRejected',
      header: text.rowsRejected,
      cell: (entry) => number(entry.rowsRejected),
      numeric: true,
    },
    { key: 'time', header: text.time, cell: (entry) => dateTime(entry.startedAt) },
    { key: 'rejects', header: text.rejects, cell: (entry) => <RejectReportLink entry={entry} /> },
  ];
  const newestFirst = [...imports].sort((a, b) => b.importId - a.importId);
  return (
    <SortableTable
      id="imports"
      caption={text.caption}
      columns={columns}
      rows={newestFirst}
      rowKey={(entry) => String(entry.importId)}
    />
  );
};
