import type { AuditFilter, AuditPage } from '../../model/index.js';
import type { StateDb, StateValue } from '../state-db.js';
import { auditColumns, auditRecordOf, type StoredRow, sqlTimestamp } from './rows.js';

/** The WHERE clause for `filter` and its values, numbered from $2 ($1 is the county). */
const whereOf = (filter: AuditFilter): { where: string; values: StateValue[] } => {
  const conditions = ['entry.county = $1'];
  const values: StateValue[] = [];
  const add = (condition: (placeholder: string) => string, value: StateValue) => {
    values.push(value);
    conditions.push(condition(`$${values.length + 1}`));
  };
  if (filter.user !== undefined)
    add(
      (p) => `(entry.user_subject = ${p} OR EXISTS (SELECT 1 FROM state.users u
    WHERE u.county = entry.county AND u.issuer = entry.user_issuer AND u.subject = entry.user_subject
      AND strpos(lower(u.name), lower(${p})) > 0))`,
      filter.user,
    );
  if (filter.issuer !== undefined) add((p) => `entry.user_issuer = ${p}`, filter.issuer);
  if (filter.from !== undefined)
    add((p) => `entry.occurred_at >= CAST(${p} AS TIMESTAMP)`, sqlTimestamp(filter.from));
  if (filter.to !== undefined)
    add((p) => `entry.occurred_at < CAST(${p} AS TIMESTAMP)`, sqlTimestamp(filter.to));
  if (filter.action !== undefined) add((p) => `strpos(lower(entry.action), lower(${p})) > 0`, filter.action);
  if (filter.outcome !== undefined) add((p) => `entry.outcome = ${p}`, filter.outcome);
  return { where: conditions.join(' AND '), values };
};

export interface AuditPageOptions {
  limit: number;
  offset: number;
}

/**
 * The county's entries that match `filter`, newest first, one page of them, with each user's name where
 * the users table has it, and how many match.
 */
export const readAuditLog = async (
  state: StateDb,
  filter: AuditFilter,
  { limit, offset }: AuditPageOptions,
): Promise<AuditPage> => {
  const { where, values } = whereOf(filter);
  const [counted] = await state.all<{ total: number }>(
    `SELECT count(*) AS total FROM state.audit_log entry WHERE ${where}`,
    [state.county, ...values],
  );
  const rows = await state.all<StoredRow & { userName: string | null }>(
    `SELECT page.*, u.name AS "userName" FROM (
       SELECT ${auditColumns} FROM state.audit_log entry WHERE ${where}
       ORDER BY seq DESC LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}
     ) page LEFT JOIN state.users u
       ON u.county = page.county AND u.issuer = page."userIssuer" AND u.subject = page."userSubject"
     ORDER BY page.seq DESC`,
    [state.county, ...values],
  );
  return {
    rows: rows.map((row) => ({
      ...auditRecordOf(row),
      ...(row.userName !== null && { userName: row.userName }),
    })),
    total: counted?.total ?? 0,
  };
};
