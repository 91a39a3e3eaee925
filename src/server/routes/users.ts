import { z } from 'zod';
import {
  Role,
  RoleList,
  RolePermissionsChange,
  type User,
  UserAccessChange,
  type UserKey,
  UserList,
  UserView,
} from '../../model/index.js';
import {
  changeUserAccess,
  findUser,
  listUsers,
  rolePermissionsOf,
  setRolePermissions,
} from '../../state/index.js';
import { defineRoute } from '../route.js';
import { checkPermissionGrant, checkRoleGrant } from './grants.js';

const tag = 'users';

/** Issuer and subject as one URL-safe token; opaque to clients, who only pass it back. */
export const userIdOf = ({ issuer, subject }: UserKey): string =>
  Buffer.from(JSON.stringify([issuer, subject])).toString('base64url');

const userKeyOf = (id: string): UserKey | undefined => {
  try {
    const parsed = z
      .tuple([z.string(), z.string()])
      .safeParse(JSON.parse(Buffer.from(id, 'base64url').toString()));
    return parsed.success ? { issuer: parsed.data[0], subject: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
};

const viewOf = (user: User): UserView => ({ id: userIdOf(user), ...user });

export const usersRoute = defineRoute({
  path: '/api/users',
  summary: 'The users seen at sign-in, with the roles their identity provider and Soteatlas give them',
  tag,
  permission: 'manageUsers',
  response: UserList,
  handler: async ({ state }) => ({ users: (await listUsers(state)).map(viewOf) }),
});

export const userAccessRoute = defineRoute({
  method: 'PUT',
  path: '/api/users/:id/access',
  summary: 'Change the roles granted to a user, their scope (areas, producer), or disable them',
  description:
    'Fields left out stay as they are; areas null is the whole county. An administrator grants only roles whose permissions they hold, and no wider scope than their own (403 otherwise). Takes effect on the user’s next request.',
  tag,
  permission: 'manageUsers',
  params: z.strictObject({ id: z.string().min(1).max(2000).describe('The id GET /api/users gives.') }),
  body: UserAccessChange,
  response: UserView,
  notFound: () => 'There is no such user.',
  errors: ['forbidden'],
  handler: async ({ state, params, body, viewer, audit }) => {
    const key = userKeyOf(params.id);
    const user = key && (await findUser(state, key));
    if (!user) return undefined;
    checkRoleGrant(viewer, await rolePermissionsOf(state), user, body);
    const changed = await changeUserAccess(state, user, body);
    await audit({ action: 'users.changeAccess', resource: params.id, parameters: { ...key, ...body } });
    return changed && viewOf(changed);
  },
});

export const rolesRoute = defineRoute({
  path: '/api/roles',
  summary: 'What each role may do in this county',
  tag,
  permission: 'manageUsers',
  response: RoleList,
  handler: async ({ state }) => ({ roles: await rolePermissionsOf(state) }),
});

export const rolePermissionsRoute = defineRoute({
  method: 'PUT',
  path: '/api/roles/:role',
  summary: 'Set the permissions of a role in this county; answers every role’s',
  description:
    'An administrator gives a role only permissions they hold themselves (403 otherwise); taking one away is always allowed. Takes effect on each user’s next request.',
  tag,
  permission: 'manageUsers',
  params: z.strictObject({ role: Role }),
  body: RolePermissionsChange,
  response: RoleList,
  errors: ['forbidden'],
  handler: async ({ state, params, body, viewer, audit }) => {
    const before = (await rolePermissionsOf(state))[params.role] ?? [];
    checkPermissionGrant(viewer, before, body.permissions, params.role);
    await setRolePermissions(state, params.role, body.permissions);
    await audit({
      action: 'roles.changePermissions',
      resource: params.role,
      parameters: { before, after: body.permissions },
    });
    return { roles: await rolePermissionsOf(state) };
  },
});

export const userRoutes = [usersRoute, userAccessRoute, rolesRoute, rolePermissionsRoute];
