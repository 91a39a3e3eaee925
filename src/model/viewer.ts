import { z } from 'zod';

/**
 * What a user may do. Roles are named sets of these; what a user may see is narrowed separately by their
 * scope (areas, and a producer's own data), as in DHIS2, where authorities and organisation units are
 * kept apart.
 */
export const Permission = z.enum([
  /** Figures that have passed disclosure control: indicators, populations, units, forecasts, maps. */
  'viewAggregates',
  /** Counts below the disclosure threshold, and net costs. */
  'viewUnsuppressed',
  /** Targets and monitoring sets. */
  'editTargets',
  /** Network scenarios, forecast variants and the active road network. */
  'editScenarios',
  'import',
  'manageUsers',
  'viewAudit',
  /**
   * Reform programme projects, their milestones, risks and status reports. Apart from editTargets: the
   * programme office keeps its projects without being able to move the county's targets, and the
   * managers who set targets need not run projects.
   */
  'editProgramme',
  /** Producer steering: contracts, invoices, supervision, scorecards; a producer's users see their own only. */
  'viewSteering',
  /** Contracts with producers: create them and save new versions of their terms. */
  'editContracts',
  /** Supervision: the state of corrective actions, and new inspections with their findings. */
  'editSupervision',
]);
export type Permission = z.infer<typeof Permission>;

export const Role = z.enum([
  'analyst',
  'manager',
  'planner',
  'steering',
  'producer',
  'auditor',
  'administrator',
  'public',
]);
export type Role = z.infer<typeof Role>;

/** The permissions each built-in role has until a county changes them. */
export const defaultRolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  analyst: [
    'viewAggregates',
    'viewUnsuppressed',
    'editTargets',
    'editScenarios',
    'import',
    'editProgramme',
    'viewSteering',
  ],
  manager: ['viewAggregates', 'editTargets', 'editProgramme', 'viewSteering'],
  planner: ['viewAggregates', 'editScenarios'],
  steering: [
    'viewAggregates',
    'editTargets',
    'editProgramme',
    'viewSteering',
    'editContracts',
    'editSupervision',
  ],
  producer: ['viewAggregates', 'viewSteering'],
  auditor: ['viewAggregates', 'viewAudit'],
  // An administrator grants the producer role, so holds what it holds.
  administrator: ['viewAggregates', 'manageUsers', 'viewSteering'],
  public: ['viewAggregates'],
};

export const RolePermissions = z.record(Role, z.array(Permission));
export type RolePermissions = z.infer<typeof RolePermissions>;

/** A signed-in person, named as their identity provider names them. */
export const UserKey = z.object({ issuer: z.string(), subject: z.string() });
export type UserKey = z.infer<typeof UserKey>;

/**
 * Who is looking, resolved afresh on every request: their roles, the permissions those roles carry
 * today, and their scope. Analysts work with the unsuppressed figures; everyone else sees figures that
 * have passed disclosure control, and a producer sees only its own units and events.
 */
export const Viewer = z.object({
  /** Absent for anyone not signed in. */
  user: UserKey.extend({ name: z.string() }).optional(),
  roles: z.array(Role),
  permissions: z.array(Permission),
  /** Municipality codes the viewer may see; absent for the whole county. */
  areas: z.array(z.string()).optional(),
  /** Set for a producer's users: the producer whose data this viewer may see, and no other. */
  producerCode: z.string().optional(),
});
export type Viewer = z.infer<typeof Viewer>;

export const hasPermission = (viewer: Viewer, permission: Permission): boolean =>
  viewer.permissions.includes(permission);

/** Only those allowed to see counts below the disclosure threshold see them. */
export const seesUnsuppressed = (viewer: Viewer): boolean => hasPermission(viewer, 'viewUnsuppressed');

/** A viewer holding `roles`, with the permissions `rolePermissions` gives them. */
export const viewerWithRoles = (
  roles: readonly Role[],
  scope: Pick<Viewer, 'user' | 'areas' | 'producerCode'> = {},
  rolePermissions: Readonly<Record<Role, readonly Permission[]>> = defaultRolePermissions,
): Viewer => ({
  ...scope,
  roles: [...roles],
  permissions: Permission.options.filter((p) => roles.some((role) => rolePermissions[role]?.includes(p))),
});

/** The safe default when nothing says who is asking: the public role, which sees suppressed figures. */
export const publicViewer: Viewer = viewerWithRoles(['public']);
