export { auditAnchor } from './audit/anchor.js';
export { formatAuditCsv } from './audit/csv.js';
export { auditKeyFileBeside, auditKeyFileVariable, auditKeyVariable, readAuditKey } from './audit/key.js';
export { openAuditLog } from './audit/log.js';
export { defaultRetentionYears, type PruneResult, pruneAuditLog } from './audit/prune.js';
export { readAuditLog } from './audit/query.js';
export { type AuditProblem, type AuditVerification, checkAuditKey, verifyAuditLog } from './audit/verify.js';
export type { AuditSink } from './audit-sink.js';
export { backupState, restoreState, summarise, summariseState } from './backup.js';
export { type CountyQueries, countyTransaction } from './county-queries.js';
export { migrate } from './migrate.js';
export type { Migration } from './migrations/index.js';
export { openState, type StateOptions } from './open.js';
export { appendOnlyTables, readOnlyTables, setUpPostgres, type TableGrant } from './postgres-setup.js';
export {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findSession,
  type Session,
  touchSession,
} from './sessions.js';
export { type SignInRequest, saveSignInRequest, takeSignInRequest } from './sign-in-requests.js';
export type { StateDb, StateQueries, StateRow, StateValue } from './state-db.js';
export {
  changeUserAccess,
  findUser,
  listUsers,
  recordSignIn,
  rolePermissionsOf,
  type SignIn,
  setRolePermissions,
  viewerOfUser,
} from './users.js';
