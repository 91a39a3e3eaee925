import { z } from 'zod';
import { Permission, Role, RolePermissions, UserKey } from './viewer.js';

/**
 * A person as Soteatlas knows them: first seen at sign-in. Their roles are those their identity provider
 * gives them (app roles in Microsoft Entra ID) and those an administrator grants here; their scope is set
 * here, or for a producer's user by the provider's producer claim.
 */
export const User = UserKey.extend({
  name: z.string(),
  email: z.string().optional(),
  /** The roles the identity provider gave at the last sign-in. */
  claimRoles: z.array(Role),
  /** The roles granted in Soteatlas by an administrator. */
  grantedRoles: z.array(Role),
  /** Municipality codes the user may see; absent for the whole county. */
  areas: z.array(z.string()).optional(),
  /** The producer whose data the user sees: set here, or else from the provider's claim. */
  producerCode: z.string().optional(),
  claimProducerCode: z.string().optional(),
  disabled: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type User = z.infer<typeof User>;

/** What an administrator may change of a user; each field left out stays as it is. */
export const UserAccessChange = z.strictObject({
  grantedRoles: z.array(Role).optional(),
  areas: z
    .array(z.string().regex(/^\d{3}$/))
    .nullable()
    .optional(),
  producerCode: z.string().min(1).max(64).nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserAccessChange = z.infer<typeof UserAccessChange>;

/** A user as the users API serves them: with an opaque, URL-safe id standing for issuer and subject. */
export const UserView = User.extend({ id: z.string() });
export type UserView = z.infer<typeof UserView>;

export const UserList = z.object({ users: z.array(UserView) });
export type UserList = z.infer<typeof UserList>;

/** What each role may do in this county. */
export const RoleList = z.object({ roles: RolePermissions });
export type RoleList = z.infer<typeof RoleList>;

export const RolePermissionsChange = z.strictObject({ permissions: z.array(Permission) });
export type RolePermissionsChange = z.infer<typeof RolePermissionsChange>;
