import {
  defaultRolePermissions,
  Permission,
  Role,
  type RolePermissions,
  type User,
  type UserAccessChange,
  type UserKey,
  type Viewer,
  viewerWithRoles,
} from '../model/index.js';
import type { StateDb, StateQueries } from './state-db.js';

interface UserRow {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
  claim_roles: string;
  claim_producer_code: string | null;
  granted_roles: string;
  areas: string | null;
  producer_code: string | null;
  disabled: boolean;
  first_seen_at: string;
  last_seen_at: string;
}

const rolesFrom = (json: string): Role[] => Role.array().catch([]).parse(JSON.parse(json));

const userOf = (row: UserRow): User => ({
  issuer: row.issuer,
  subject: row.subject,
  name: row.name,
  ...(row.email !== null && { email: row.email }),
  claimRoles: rolesFrom(row.claim_roles),
  grantedRoles: rolesFrom(row.granted_roles),
  ...(row.areas !== null && { areas: JSON.parse(row.areas) as string[] }),
  ...(row.producer_code !== null && { producerCode: row.producer_code }),
  ...(row.claim_producer_code !== null && { claimProducerCode: row.claim_producer_code }),
  disabled: row.disabled,
  firstSeenAt: row.first_seen_at,
  lastSeenAt: row.last_seen_at,
});

const columns =
  'issuer, subject, name, email, claim_roles, claim_producer_code, granted_roles, areas, producer_code, disabled, first_seen_at, last_seen_at';

export const findUser = async (db: StateDb, key: UserKey): Promise<User | undefined> => {
  const [row] = await db.all<UserRow>(
    `SELECT ${columns} FROM state.users WHERE county = $1 AND issuer = $2 AND subject = $3`,
    [db.county, key.issuer, key.subject],
  );
  return row && userOf(row);
};

export const listUsers = async (db: StateDb): Promise<User[]> =>
  (
    await db.all<UserRow>(`SELECT ${columns} FROM state.users WHERE county = $1 ORDER BY name, subject`, [
      db.county,
    ])
  ).map(userOf);

export interface SignIn extends UserKey {
  name: string;
  email?: string;
  claimRoles: readonly Role[];
  claimProducerCode?: string;
}

/** Records a sign-in: a user seen for the first time is added with no roles granted here. */
export const recordSignIn = async (db: StateDb, signIn: SignIn): Promise<User> => {
  await db.run(
    `INSERT INTO state.users (county, ${columns})
     VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', NULL, NULL, false, current_timestamp, current_timestamp)
     ON CONFLICT (county, issuer, subject) DO UPDATE SET
       name = excluded.name, email = excluded.email, claim_roles = excluded.claim_roles,
       claim_producer_code = excluded.claim_producer_code, last_seen_at = excluded.last_seen_at`,
    [
      db.county,
      signIn.issuer,
      signIn.subject,
      signIn.name,
      signIn.email ?? null,
      JSON.stringify(signIn.claimRoles),
      signIn.claimProducerCode ?? null,
    ],
  );
  const user = await findUser(db, signIn);
  if (!user) throw new Error('a user just recorded was not found');
  return user;
};

/** Applies an administrator's change; answers the user as changed, or undefined for an unknown user. */
export const changeUserAccess = async (
  db: StateDb,
  key: UserKey,
  change: UserAccessChange,
): Promise<User | undefined> => {
  const user = await findUser(db, key);
  if (!user) return undefined;
  const areas = change.areas === undefined ? user.areas : (change.areas ?? undefined);
  const producerCode =
    change.producerCode === undefined ? user.producerCode : (change.producerCode ?? undefined);
  await db.run(
    `UPDATE state.users SET granted_roles = $4, areas = $5, producer_code = $6, disabled = $7
     WHERE county = $1 AND issuer = $2 AND subject = $3`,
    [
      db.county,
      key.issuer,
      key.subject,
      JSON.stringify(change.grantedRoles ?? user.grantedRoles),
      areas ? JSON.stringify(areas) : null,
      producerCode ?? null,
      change.disabled ?? user.disabled,
    ],
  );
  return findUser(db, key);
};

/** Each role's permissions in this county: the built-in ones, except where the county changed them. */
export const rolePermissionsOf = async (
  db: StateQueries & Pick<StateDb, 'county'>,
): Promise<RolePermissions> => {
  const rows = await db.all<{ role: string; permissions: string }>(
    'SELECT role, permissions FROM state.role_permissions WHERE county = $1',
    [db.county],
  );
  const permissions: RolePermissions = Object.fromEntries(
    Role.options.map((role) => [role, [...defaultRolePermissions[role]]]),
  ) as RolePermissions;
  for (const row of rows) {
    const role = Role.safeParse(row.role);
    if (role.success)
      permissions[role.data] = Permission.array().catch([]).parse(JSON.parse(row.permissions));
  }
  return permissions;
};

export const setRolePermissions = async (
  db: StateDb,
  role: Role,
  permissions: readonly Permission[],
): Promise<void> => {
  await db.run(
    `INSERT INTO state.role_permissions VALUES ($1, $2, $3, current_timestamp)
     ON CONFLICT (county, role) DO UPDATE SET permissions = excluded.permissions, changed_at = excluded.changed_at`,
    [db.county, role, JSON.stringify(Permission.options.filter((p) => permissions.includes(p)))],
  );
};

/**
 * What a user may see and do now, or undefined for a disabled user. A producer's user without a producer
 * is given the producer code "", which matches no one's data: such a user sees nothing that is anyone's.
 */
export const viewerOfUser = (user: User, rolePermissions: RolePermissions): Viewer | undefined => {
  if (user.disabled) return undefined;
  const roles = Role.options.filter((r) => user.claimRoles.includes(r) || user.grantedRoles.includes(r));
  const producerCode = user.producerCode ?? user.claimProducerCode;
  return viewerWithRoles(
    roles,
    {
      user: { issuer: user.issuer, subject: user.subject, name: user.name },
      ...(user.areas && { areas: user.areas }),
      ...(roles.includes('producer') && { producerCode: producerCode ?? '' }),
    },
    rolePermissions,
  );
};
