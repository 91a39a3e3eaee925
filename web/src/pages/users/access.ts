import { Permission, type Role, type UserAccessChange, type UserView } from '../../../../src/model/index.js';

/**
 * An administrator grants only what they hold: a role whose every permission is theirs. A role the
 * county's table does not list carries nothing, so it is grantable (and grants nothing).
 */
export const grantableRoles = (
  roles: readonly Role[],
  rolePermissions: Partial<Record<Role, readonly Permission[]>>,
  held: readonly Permission[],
): Set<Role> => new Set(roles.filter((role) => (rolePermissions[role] ?? []).every((p) => held.includes(p))));

/** The form's view of a user's access, and what it says once edited. */
export interface AccessDraft {
  grantedRoles: Role[];
  /** Null for the whole county. */
  areas: string[] | null;
  /** Empty for none. */
  producerCode: string;
}

export const draftOf = (user: UserView): AccessDraft => ({
  grantedRoles: [...user.grantedRoles],
  areas: user.areas ? [...user.areas] : null,
  producerCode: user.producerCode ?? '',
});

/** Only what changed is sent, so that a save never overwrites what another administrator just set. */
export const changeOf = (user: UserView, draft: AccessDraft): UserAccessChange => {
  const before = draftOf(user);
  const sameSet = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x) => b.includes(x));
  const change: UserAccessChange = {};
  if (!sameSet(before.grantedRoles, draft.grantedRoles)) change.grantedRoles = [...draft.grantedRoles];
  if (
    (before.areas === null) !== (draft.areas === null) ||
    (before.areas !== null && draft.areas !== null && !sameSet(before.areas, draft.areas))
  )
    change.areas = draft.areas === null ? null : [...draft.areas].sort();
  const producer = draft.producerCode.trim();
  if (producer !== before.producerCode) change.producerCode = producer === '' ? null : producer;
  return change;
};

/**
 * Whether a permission's box may be changed: taking one away always; giving one only if the
 * administrator holds it, as the server checks.
 */
export const mayToggle = (has: boolean, permission: Permission, held: readonly Permission[]): boolean =>
  has || held.includes(permission);

/** The roles whose permissions the draft changes, with their new permissions in the model's order. */
export const changedRoles = (
  before: Partial<Record<Role, readonly Permission[]>>,
  draft: Partial<Record<Role, readonly Permission[]>>,
): [Role, Permission[]][] =>
  (Object.keys(draft) as Role[]).flatMap((role) => {
    const was = before[role] ?? [];
    const now = draft[role] ?? [];
    const same = was.length === now.length && was.every((p) => now.includes(p));
    return same ? [] : [[role, Permission.options.filter((p) => now.includes(p))]];
  });
