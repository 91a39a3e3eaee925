export type { AuditSink } from './audit-sink.js';
export { migrate } from './migrate.js';
export type { Migration } from './migrations/index.js';
export { openState, type StateOptions } from './open.js';
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
