import { afterEach, describe, expect, it } from 'vitest';
import type { RolePermissions } from '../model/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from './testing.js';
import {
  changeUserAccess,
  findUser,
  listUsers,
  recordSignIn,
  rolePermissionsOf,
  setRolePermissions,
  viewerOfUser,
} from './users.js';

const anna = {
  issuer: 'https://login.example/tenant/v2.0',
  subject: 'sub-anna',
  name: 'Anna Analyytikko',
  claimRoles: ['analyst'] as const,
};

describe.each(stateBackends)('users on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('adds a user at first sign-in and refreshes the claims at the next, keeping what was granted', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const first = await recordSignIn(state, anna);
    expect(first).toMatchObject({ name: 'Anna Analyytikko', claimRoles: ['analyst'], grantedRoles: [] });
    await changeUserAccess(state, anna, { grantedRoles: ['planner'], areas: ['398', '111'] });
    const again = await recordSignIn(state, { ...anna, name: 'Anna A.', claimRoles: ['manager'] });
    expect(again).toMatchObject({
      name: 'Anna A.',
      claimRoles: ['manager'],
      grantedRoles: ['planner'],
      areas: ['398', '111'],
      disabled: false,
    });
    expect((await listUsers(state)).map((u) => u.subject)).toEqual(['sub-anna']);
  });

  it('keeps one county’s users from another’s', async () => {
    opened = await openTestState(backend);
    await recordSignIn(opened.state, anna);
    const other = { ...opened.state, county: '08' };
    expect(await findUser(other, anna)).toBeUndefined();
    expect(await listUsers(other)).toEqual([]);
  });

  it('gives a disabled user no viewer, and a changed role’s permissions on the next look', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const user = await recordSignIn(state, anna);
    expect(viewerOfUser(user, await rolePermissionsOf(state))?.permissions).toContain('viewUnsuppressed');
    await setRolePermissions(state, 'analyst', ['viewAggregates']);
    expect(viewerOfUser(user, await rolePermissionsOf(state))?.permissions).toEqual(['viewAggregates']);
    const disabled = await changeUserAccess(state, anna, { disabled: true });
    expect(disabled && viewerOfUser(disabled, await rolePermissionsOf(state))).toBeUndefined();
  });
});

describe('viewerOfUser', () => {
  const base = {
    ...anna,
    claimRoles: [],
    grantedRoles: [],
    disabled: false,
    firstSeenAt: '2026-12-05T00:00:00.000Z',
    lastSeenAt: '2026-12-05T00:00:00.000Z',
  };
  const defaults = {
    analyst: ['viewAggregates', 'viewUnsuppressed'],
    manager: [],
    planner: [],
    steering: [],
    producer: ['viewAggregates'],
    auditor: [],
    administrator: [],
    public: ['viewAggregates'],
  } as const;
  const permissions = Object.fromEntries(
    Object.entries(defaults).map(([k, v]) => [k, [...v]]),
  ) as RolePermissions;

  it('scopes a producer’s user to its producer, and to none when it has none', () => {
    const withClaim = viewerOfUser(
      { ...base, claimRoles: ['producer'], claimProducerCode: 'P1' },
      permissions,
    );
    expect(withClaim).toMatchObject({ roles: ['producer'], producerCode: 'P1' });
    const overridden = viewerOfUser(
      { ...base, claimRoles: ['producer'], claimProducerCode: 'P1', producerCode: 'P2' },
      permissions,
    );
    expect(overridden?.producerCode).toBe('P2');
    expect(viewerOfUser({ ...base, grantedRoles: ['producer'] }, permissions)?.producerCode).toBe('');
    expect(viewerOfUser({ ...base, claimRoles: ['analyst'] }, permissions)?.producerCode).toBeUndefined();
  });

  it('gives a user with no role no permission at all', () => {
    expect(viewerOfUser(base, permissions)).toMatchObject({ roles: [], permissions: [] });
  });
});
