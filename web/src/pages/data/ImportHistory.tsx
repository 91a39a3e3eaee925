import type { ImportView } from '../../../../src/model/index.js';
import { rejectReportPath } from '../../api/endpoints.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { fileName } from './names.js';

const RejectReportLink = ({ entry }: { entry: ImportView }) => {
  const { t } = useI18n();
  if (entry.rowsRejected === 0) return <span className="muted">{t.data.imports.noRejects}</span>;
  return (
    <a href={rejectReportPath(entry.importId)} download={`rejects-${entry.importId}.csv`}>
      {t.data.imports.download}
      <span className="visually-hidden">: {t.data.imports.downloadContext(entry.importId)}</span>
    </a>
  );
};

export const ImportHistory = ({ imports }: { imports: ImportView[] }) => {
  const { t, number, dateTime } = useI18n();
  const text = t.data.imports;
  const columns: Column<ImportView>[] = [
    { header: text.id, cell: (entry) => entry.importId, numeric: true, rowHeader: true },
    { header: text.kind, cell: (entry) => t.kinds.import[entry.kind] },
    { header: text.file, cell: (entry) => <span className="file-name">{fileName(entry.sourceFile)}</span> },
    { header: text.rowsRead, cell: (entry) => number(entry.rowsRead), numeric: true },
    { header: text.rowsAccepted, cell: (entry) => number(entry.rowsAccepted), numeric: true },
    { header: text.rowsRejected, cell: (entry) => number(entry.rowsRejected), numeric: true },
    { header: text.time, cell: (entry) => dateTime(entry.startedAt) },
    { header: text.rejects, cell: (entry) => <RejectReportLink entry={entry} /> },
  ];
  const newestFirst = [...imports].sort((a, b) => b.importId - a.importId);
  return (
    <DataTable
      id="imports"
      caption={text.caption}
      columns={columns}
      rows={newestFirst}
      rowKey={(entry) => String(entry.importId)}
    />
  );
};
