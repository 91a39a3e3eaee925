import type { AuditPage, AuditRecord } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { pageSize } from './filters.js';
import { auditMessages } from './messages.js';

interface AuditTableProps {
  answer: AuditPage;
  offset: number;
  onPage(offset: number): void;
}

export const AuditTable = ({ answer, offset, onPage }: AuditTableProps) => {
  const text = usePageMessages(auditMessages);
  const { t, number, dateTime } = useI18n();
  if (answer.rows.length === 0) return <p>{text.none}</p>;
  const who = (row: AuditRecord) =>
    row.user ? (row.userName ?? row.user.subject) : <span className="muted">{text.anonymous}</span>;
  const scope = (row: AuditRecord) =>
    [
      ...(row.scope.producerCode !== undefined ? [t.session.producerScope(row.scope.producerCode)] : []),
      ...(row.scope.areas !== undefined ? [t.session.areaScope(row.scope.areas.length)] : []),
    ].join(', ');
  const last = offset + answer.rows.length;
  return (
    <>
      <div className="table-scroll">
        <table id="audit-rows" className="data-table audit-table">
          <caption>{text.caption(number(offset + 1), number(last), number(answer.total))}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.time}</th>
              <th scope="col">{text.columns.user}</th>
              <th scope="col">{text.columns.roles}</th>
              <th scope="col">{text.columns.action}</th>
              <th scope="col">{text.columns.resource}</th>
              <th scope="col">{text.columns.outcome}</th>
              <th scope="col" className="num">
                {text.columns.rows}
              </th>
              <th scope="col">{text.columns.source}</th>
              <th scope="col">{text.columns.request}</th>
            </tr>
          </thead>
          <tbody>
            {answer.rows.map((row) => (
              <tr key={row.seq}>
                <th scope="row">{dateTime(row.time)}</th>
                <td>{who(row)}</td>
                <td>
                  {row.roles.map((role) => t.session.roles[role]).join(', ')}
                  {scope(row) !== '' && <span className="audit-table__scope">{scope(row)}</span>}
                </td>
                <td className="audit-table__code">{row.action}</td>
                <td className="audit-table__code">{row.resource}</td>
                <td>
                  {text.outcomes[row.outcome]}
                  {row.status !== undefined && <span className="muted"> ({row.status})</span>}
                </td>
                <td className="num">{row.rowsReturned !== undefined ? number(row.rowsReturned) : ''}</td>
                <td className="audit-table__code">{row.sourceAddress}</td>
                <td className="audit-table__code">{row.requestId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="audit-paging" aria-label={text.pages}>
        <button
          type="button"
          className="button"
          disabled={offset === 0}
          onClick={() => onPage(Math.max(0, offset - pageSize))}
        >
          {text.previous}
        </button>
        <button type="button" className="button" disabled={last >= answer.total} onClick={() => onPage(last)}>
          {text.next}
        </button>
      </nav>
    </>
  );
};
