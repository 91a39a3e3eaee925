import { type FormEvent, useState } from 'react';
import type { ProgrammeImportSummary } from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { importWorkbook } from './api.js';
import { programmeMessages } from './messages.js';

/** The programme office's workbook in, and what came of every row out. */
export const WorkbookImport = ({ onImported }: { onImported: () => void }) => {
  const text = usePageMessages(programmeMessages);
  const { t } = useI18n();
  const [summary, setSummary] = useState<ProgrammeImportSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('workbook');
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setFailure(null);
    try {
      setSummary(await importWorkbook(file));
      onImported();
    } catch (error) {
      setSummary(null);
      setFailure(failureText(t, reasonOf(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{text.import.title}</h2>
      <p className="hint" id="import-hint">
        {text.import.hint}
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {text.import.file}
          <input
            type="file"
            name="workbook"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-hint"
            required
          />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {text.import.submit}
        </button>
      </form>
      <div role="status">
        {summary && (
          <>
            <p>{text.import.result(summary.rowsRead, summary.accepted, summary.rejected.length)}</p>
            {summary.rejected.length > 0 && (
              <ul className="import-rejects">
                {summary.rejected.map((r) => (
                  <li key={`${r.sheet}-${r.line}`}>{text.import.reject(r.sheet, r.line, r.reason)}</li>
                ))}
              </ul>
            )}
          </>
        )}
        {failure && <p className="status status--error">{failure}</p>}
      </div>
    </section>
  );
};
