import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../model/index.js';
import { changeUserAccess, findSession, setRolePermissions } from '../../state/index.js';
import { signInWith, type TestBrowser, testBrowser } from './browser.fixture.js';
import { hashOf } from './secrets.js';
import { type SignInTestServer, startSignInTestServer } from './sign-in-server.fixture.js';

const sessionOf = async (browser: TestBrowser, url: string): Promise<SessionInfo> =>
  (await browser.request(new URL('/api/session', url))).json() as Promise<SessionInfo>;

describe('sign-in with OpenID Connect against the demo provider', () => {
  let server: SignInTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('signs in, shows who is signed in with a CSRF token, and signs out', async () => {
    server = await startSignInTestServer();
    const { url } = server;
    const browser = testBrowser();
    expect(await sessionOf(browser, url)).toMatchObject({ mode: 'signIn', roles: ['public'] });

    const landed = await signInWith(browser, url, 'analyst', '/overview?year=2024');
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/overview?year=2024');
    const setCookies = landed.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('__Host-soteatlas='))).toMatch(
      /^__Host-soteatlas=[\w-]{43}; Max-Age=36000; Path=\/; Secure; HttpOnly; SameSite=Lax$/,
    );

    const session = await sessionOf(browser, url);
    expect(session).toMatchObject({
      mode: 'signIn',
      user: { name: 'Anna Analyytikko', subject: 'analyst' },
      roles: ['analyst'],
      permissions: expect.arrayContaining(['viewUnsuppressed', 'editTargets']),
    });
    expect(session.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(session.demoUsers?.map((u) => u.id)).toContain('producer-hymy');
    const id = browser.cookie(url, '__Host-soteatlas') ?? '';
    expect(await findSession(server.state, hashOf(id))).toMatchObject({ subject: 'analyst' });

    const logout = new URL('/auth/logout', url);
    expect((await browser.request(logout, { method: 'POST' })).status).toBe(403);
    const wrongOrigin = { 'x-csrf-token': session.csrfToken ?? '', origin: 'https://evil.example' };
    expect((await browser.request(logout, { method: 'POST', headers: wrongOrigin })).status).toBe(403);
    const proved = { 'x-csrf-token': session.csrfToken ?? '', origin: new URL(url).origin };
    expect((await browser.request(logout, { method: 'POST', headers: proved })).status).toBe(204);
    expect(await findSession(server.state, hashOf(id))).toBeUndefined();
    expect(await sessionOf(browser, url)).toMatchObject({ roles: ['public'] });

    expect(server.audit.map((e) => [e.action, e.outcome, e.user?.subject, e.roles])).toEqual([
      ['signIn', 'ok', 'analyst', ['analyst']],
      ['signOut', 'ok', 'analyst', ['analyst']],
    ]);
  });

  it("gives a producer's user the producer of the claim", async () => {
    server = await startSignInTestServer();
    const browser = testBrowser();
    await signInWith(browser, server.url, 'producer-hymy');
    expect(await sessionOf(browser, server.url)).toMatchObject({ roles: ['producer'], producerCode: 'HYMY' });
  });

  it('signs in as another demo user when asked, though signed in at the provider as one', async () => {
    server = await startSignInTestServer();
    const browser = testBrowser();
    await signInWith(browser, server.url, 'planner');
    await signInWith(browser, server.url, 'auditor');
    expect(await sessionOf(browser, server.url)).toMatchObject({ roles: ['auditor'] });
  });

  it('reads roles and the user afresh on every request: a change or a disabling takes effect at once', async () => {
    server = await startSignInTestServer();
    const { url, state } = server;
    const browser = testBrowser();
    await signInWith(browser, url, 'manager');
    await changeUserAccess(state, { issuer: new URL(url).origin, subject: 'manager' }, {}).catch(
      () => undefined,
    );
    const key = { issuer: (await sessionOf(browser, url)).user?.issuer ?? '', subject: 'manager' };
    await changeUserAccess(state, key, { grantedRoles: ['planner'] });
    await setRolePermissions(state, 'planner', ['viewAggregates', 'editScenarios', 'import']);
    expect(await sessionOf(browser, url)).toMatchObject({
      roles: ['manager', 'planner'],
      permissions: [
        'viewAggregates',
        'editTargets',
        'editScenarios',
        'import',
        'editProgramme',
        'viewSteering',
      ],
    });
    await changeUserAccess(state, key, { disabled: true });
    expect(await sessionOf(browser, url)).toMatchObject({ roles: ['public'] });
    const id = browser.cookie(url, '__Host-soteatlas') ?? '';
    expect(await findSession(state, hashOf(id))).toBeUndefined();
  });

  it('ends a session idle too long, and any session after its lifetime', async () => {
    let now = new Date('2026-12-05T08:00:00Z');
    server = await startSignInTestServer({ now: () => now });
    const { url } = server;
    const idle = testBrowser();
    const busy = testBrowser();
    await signInWith(idle, url, 'steering');
    await signInWith(busy, url, 'planner');
    for (let minutes = 0; minutes < 10 * 60; minutes += 20) {
      now = new Date(Date.parse('2026-12-05T08:00:00Z') + minutes * 60_000);
      expect(await sessionOf(busy, url)).toMatchObject({ roles: ['planner'] });
    }
    expect(await sessionOf(idle, url)).toMatchObject({ roles: ['public'] });
    now = new Date(Date.parse('2026-12-05T18:00:01Z'));
    expect(await sessionOf(busy, url)).toMatchObject({ roles: ['public'] });
  });
});
