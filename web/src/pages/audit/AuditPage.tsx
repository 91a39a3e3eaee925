import { Loaded } from '../../components/Loaded.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useQueryParams } from '../indicators/query.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { AuditTable } from './AuditTable.js';
import { useAuditRows } from './api.js';
import { auditCsvPath, filtersOf, pageSize, paramsOf } from './filters.js';
import { auditMessages } from './messages.js';
import './audit.css';

/** The auditors' page: the audit log, filtered by user, time, action and outcome, and its CSV export. */
export const AuditPage = () => {
  const text = usePageMessages(auditMessages);
  const [params, update] = useQueryParams();
  const filters = filtersOf(params);
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const rows = useAuditRows(filters, { limit: pageSize, offset });
  const goTo = (next: number) => update({ offset: next > 0 ? String(next) : undefined });

  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <AuditFilterForm
        // A new form when the address changes (back, forward), so that it shows the filters in force.
        key={params.toString()}
        filters={filters}
        onApply={(next) => update({ ...paramsOf(next), offset: undefined })}
      />
      <p className="audit-export">
        <a
          className="button"
          href={auditCsvPath(filters)}
          download="audit.csv"
          aria-describedby="audit-export-hint"
        >
          {text.exportCsv}
        </a>{' '}
        <span className="hint" id="audit-export-hint">
          {text.exportHint}
        </span>
      </p>
      <Loaded state={rows}>{(answer) => <AuditTable answer={answer} offset={offset} onPage={goTo} />}</Loaded>
    </>
  );
};
