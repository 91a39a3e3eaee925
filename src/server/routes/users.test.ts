import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuditEntry, RoleList, UserList, UserView } from '../../model/index.js';
import { recordSignIn } from '../../state/index.js';
import { asRole, asRoleInAreas, getJson, openTestServer } from '../testing.js';
import { userIdOf } from './users.js';

const audited: AuditEntry[] = [];
let server: Awaited<ReturnType<typeof openTestServer>>;
const alice = { issuer: 'https://login.example/tenant', subject: 'alice-1' };
beforeAll(async () => {
  server = await openTestServer({ audit: { append: async (entry) => void audited.push(entry) } });
  await recordSignIn(server.state, { ...alice, name: 'Alice Analyytikko', claimRoles: ['manager'] });
});
afterAll(() => server.close());
beforeEach(() => {
  audited.length = 0;
});

const administrator = asRole('administrator');

const put = async (url: string, payload: object, headers = administrator) => {
  const response = await server.app.inject({ method: 'PUT', url, payload, headers });
  return { status: response.statusCode, body: response.json() };
};

describe('GET /api/users', () => {
  it('lists the users seen at sign-in, each with an opaque id, to an administrator only', async () => {
    const { status, body } = await getJson(server.app, '/api/users', administrator);
    expect(status).toBe(200);
    const [user] = UserList.parse(body).users;
    expect(user).toMatchObject({ ...alice, id: userIdOf(alice), claimRoles: ['manager'], grantedRoles: [] });
    expect(user?.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((await getJson(server.app, '/api/users', asRole('analyst'))).status).toBe(403);
    expect((await getJson(server.app, '/api/users')).status).toBe(401);
  });
});

describe('PUT /api/users/:id/access', () => {
  it('grants a role the administrator holds the permissions of, sets scope, and audits the change', async () => {
    const id = userIdOf(alice);
    const { status, body } = await put(`/api/users/${id}/access`, {
      grantedRoles: ['public'],
      areas: ['002'],
      disabled: true,
    });
    expect(status).toBe(200);
    expect(UserView.parse(body)).toMatchObject({
      id,
      grantedRoles: ['public'],
      areas: ['002'],
      disabled: true,
    });
    expect(audited).toEqual([
      expect.objectContaining({
        user: { issuer: 'urn:test', subject: 'administrator' },
        action: 'users.changeAccess',
        resource: id,
        parameters: { ...alice, grantedRoles: ['public'], areas: ['002'], disabled: true },
        outcome: 'ok',
      }),
    ]);
    const enabled = await put(`/api/users/${id}/access`, { areas: null, disabled: false });
    expect(enabled.body).toMatchObject({ grantedRoles: ['public'], disabled: false });
    expect(enabled.body.areas).toBeUndefined();
  });

  it('refuses to hand on a permission the administrator does not hold', async () => {
    const id = userIdOf(alice);
    const refused = await put(`/api/users/${id}/access`, { grantedRoles: ['analyst'] });
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(refused.body.message).toMatch(/viewUnsuppressed/);
    expect(audited).toEqual([
      expect.objectContaining({ action: 'PUT /api/users/:id/access', outcome: 'denied', status: 403 }),
    ]);
    const found = UserList.parse((await getJson(server.app, '/api/users', administrator)).body).users[0];
    expect(found?.grantedRoles).not.toContain('analyst');
  });

  it('refuses an area-scoped administrator a wider scope than their own', async () => {
    const id = userIdOf(alice);
    const scoped = asRoleInAreas('administrator', ['002']);
    expect((await put(`/api/users/${id}/access`, { areas: ['003'] }, scoped)).status).toBe(403);
    expect((await put(`/api/users/${id}/access`, { areas: null }, scoped)).status).toBe(403);
    expect((await put(`/api/users/${id}/access`, { areas: ['002'] }, scoped)).status).toBe(200);
  });

  it('answers 404 for an id that is no user, and 400 for a change it does not know', async () => {
    expect((await put('/api/users/bm9ib2R5/access', { disabled: true })).status).toBe(404);
    expect((await put(`/api/users/${userIdOf({ issuer: 'x', subject: 'y' })}/access`, {})).status).toBe(404);
    expect((await put(`/api/users/${userIdOf(alice)}/access`, { grantedRoles: ['king'] })).status).toBe(400);
  });
});

describe('roles', () => {
  it('serves every role’s permissions', async () => {
    const { status, body } = await getJson(server.app, '/api/roles', administrator);
    expect(status).toBe(200);
    expect(RoleList.parse(body).roles.administrator).toEqual([
      'viewAggregates',
      'manageUsers',
      'viewSteering',
    ]);
  });

  it('lets an administrator give a role only permissions they hold, and take any away', async () => {
    const given = await put('/api/roles/steering', { permissions: ['viewAggregates', 'manageUsers'] });
    expect(given.status).toBe(200);
    expect(RoleList.parse(given.body).roles.steering).toEqual(['viewAggregates', 'manageUsers']);
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'roles.changePermissions',
        resource: 'steering',
        parameters: {
          before: [
            'viewAggregates',
            'editTargets',
            'editProgramme',
            'viewSteering',
            'editContracts',
            'editSupervision',
          ],
          after: ['viewAggregates', 'manageUsers'],
        },
      }),
    ]);
    const refused = await put('/api/roles/public', { permissions: ['viewAggregates', 'viewUnsuppressed'] });
    expect(refused.status).toBe(403);
    const takenAway = await put('/api/roles/analyst', {
      permissions: ['viewAggregates', 'viewUnsuppressed', 'editTargets', 'editScenarios'],
    });
    expect(takenAway.status).toBe(200);
    expect(takenAway.body.roles.analyst).not.toContain('import');
  });
});
