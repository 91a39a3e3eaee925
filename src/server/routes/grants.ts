import {
  type Permission,
  type Role,
  type RolePermissions,
  SoteatlasError,
  type User,
  type UserAccessChange,
  type Viewer,
} from '../../model/index.js';

/**
 * An administrator hands on only what they hold: a role newly granted must carry no permission the
 * administrator lacks, and a permission newly given to a role must be one they have. Taking away is
 * always allowed, so that an administrator can tidy a role they could not have made.
 */
const refuse = (message: string): never => {
  throw new SoteatlasError('forbidden', message);
};

const lacking = (viewer: Viewer, permissions: readonly Permission[]): Permission[] =>
  permissions.filter((p) => !viewer.permissions.includes(p));

export const checkRoleGrant = (
  viewer: Viewer,
  rolePermissions: RolePermissions,
  user: User,
  change: UserAccessChange,
): void => {
  const added = (change.grantedRoles ?? []).filter((r) => !user.grantedRoles.includes(r));
  for (const role of added) {
    const missing = lacking(viewer, rolePermissions[role] ?? []);
    if (missing.length > 0)
      refuse(`Granting ${role} would hand on ${missing.join(', ')}, which you do not hold.`);
  }
  checkScopeGrant(viewer, change);
};

/** An administrator of some municipalities, or of one producer, cannot give wider scope than their own. */
const checkScopeGrant = (viewer: Viewer, change: UserAccessChange): void => {
  if (viewer.areas && change.areas !== undefined) {
    const outside = (change.areas ?? ['the whole county']).filter((a) => !viewer.areas?.includes(a));
    if (outside.length > 0) refuse(`Areas outside your own scope: ${outside.join(', ')}.`);
  }
  if (viewer.producerCode !== undefined && change.producerCode !== undefined)
    if (change.producerCode !== null && change.producerCode !== viewer.producerCode)
      refuse('A producer’s administrator can scope users to their own producer only.');
};

export const checkPermissionGrant = (
  viewer: Viewer,
  before: readonly Permission[],
  after: readonly Permission[],
  role: Role,
): void => {
  const missing = lacking(
    viewer,
    after.filter((p) => !before.includes(p)),
  );
  if (missing.length > 0) refuse(`Giving ${role} ${missing.join(', ')} would hand on what you do not hold.`);
};
