import type { AuditFilter, AuditPage } from '../../model/index.js';
import type { StateDb, StateValue } from '../state-db.js';
import { auditColumns, auditRecordOf, type StoredRow, sqlTimestamp } from './rows.js';

/** The WHERE clause for `filter` and its values, numbered from $2 ($1 is the county). */
const whereOf = (filter: AuditFilter): { where: string; values: StateValue[] } => {
  const conditions = ['county = $1'];
  const values: StateValue[] = [];
  const add = (condition: (placeholder: string) => string, value: StateValue) => {
    values.push(value);
    conditions.push(condition(`$${values.length + 1}`));
  };
  if (filter.user !== undefined) add((p) => `user_subject = ${p}`, filter.user);
  if (filter.issuer !== undefined) add((p) => `user_issuer = ${p}`, filter.issuer);
  if (filter.from !== undefined)
    add((p) => `occurred_at >= CAST(${p} AS TIMESTAMP)`, sqlTimestamp(filter.from));
  if (filter.to !== undefined) add((p) => `occurred_at < CAST(${p} AS TIMESTAMP)`, sqlTimestamp(filter.to));
  if (filter.action !== undefined) add((p) => `strpos(lower(action), lower(${p})) > 0`, filter.action);
  if (filter.outcome !== undefined) add((p) => `outcome = ${p}`, filter.outcome);
  return { where: conditions.join(' AND '), values };
};

export interface AuditPageOptions {
  limit: number;
  offset: number;
}

/** The county's entries that match `filter`, newest first, one page of them, and how many match. */
export const readAuditLog = async (
  state: StateDb,
  filter: AuditFilter,
  { limit, offset }: AuditPageOptions,
): Promise<AuditPage> => {
  const { where, values } = whereOf(filter);
  const [counted] = await state.all<{ total: number }>(
    `SELECT count(*) AS total FROM state.audit_log WHERE ${where}`,
    [state.county, ...values],
  );
  const rows = await state.all<StoredRow>(
    `SELECT ${auditColumns} FROM state.audit_log WHERE ${where}
     ORDER BY seq DESC LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    [state.county, ...values],
  );
  return { rows: rows.map(auditRecordOf), total: counted?.total ?? 0 };
};
