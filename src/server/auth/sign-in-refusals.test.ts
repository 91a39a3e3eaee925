import { afterEach, describe, expect, it } from 'vitest';
import { testBrowser } from './browser.fixture.js';
import { signInFailedPage } from './failure-page.js';
import { type RogueBehaviour, startRogueProvider, type TokenDraft } from './rogue-provider.fixture.js';
import { type SignInTestServer, startSignInTestServer } from './sign-in-server.fixture.js';

const hour = 3600;

const withClaims = (claims: Partial<TokenDraft['claims']>): RogueBehaviour => ({
  token: (draft) => {
    Object.assign(draft.claims, claims);
  },
});
const withHeader = (header: Partial<Pick<TokenDraft, 'alg' | 'kid'>>): RogueBehaviour => ({
  token: (draft) => {
    Object.assign(draft, header);
  },
});

/**
 * Ways a provider's answer may be forged, each with the check of openid-client that refuses it, as the
 * audit row names it (the answer itself names none).
 */
const forgeries: readonly [string, RogueBehaviour, string][] = [
  ['a wrong state', { answer: (p) => p.set('state', 'forged-state') }, 'OAUTH_INVALID_RESPONSE'],
  ['no state', { answer: (p) => p.delete('state') }, 'OAUTH_INVALID_RESPONSE'],
  ['a wrong nonce', withClaims({ nonce: 'another-nonce' }), 'OAUTH_JWT_CLAIM_COMPARISON_FAILED'],
  [
    'a wrong issuer',
    withClaims({ iss: 'https://login.evil.example/v2.0' }),
    'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  ],
  ['a wrong audience', withClaims({ aud: 'another-app' }), 'OAUTH_JWT_CLAIM_COMPARISON_FAILED'],
  [
    'an expired ID token',
    {
      token: (t) => {
        t.claims.iat = Math.floor(Date.now() / 1000) - 2 * hour;
        t.claims.exp = Math.floor(Date.now() / 1000) - hour;
      },
    },
    'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  ],
  ['alg none', withHeader({ alg: 'none' }), 'OAUTH_INVALID_RESPONSE'],
  ['an unknown kid', withHeader({ kid: 'unknown' }), 'OAUTH_KEY_SELECTION_FAILED'],
];

describe('a sign-in the app must refuse', () => {
  let server: SignInTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Signs in through the provider and answers the callback's response. */
  const signInThrough = async (s: SignInTestServer) => {
    const browser = testBrowser();
    const { response, url } = await browser.follow(
      new URL('/auth/login?returnTo=/', s.url),
      {},
      (at) => at.pathname === '/',
    );
    const session = await (await browser.request(new URL('/api/session', s.url))).json();
    return { response, url, session, cookie: browser.cookie(s.url, '__Host-soteatlas') };
  };

  it('signs in when the provider behaves, so that each refusal below is for its own reason', async () => {
    server = await startSignInTestServer({ settingsFor: (appUrl) => startRogueProvider(appUrl, {}) });
    const { response, session, cookie } = await signInThrough(server);
    expect(response.status).toBe(302);
    expect(cookie).toBeDefined();
    expect(session).toMatchObject({ user: { subject: 'rogue-user' }, roles: ['analyst'] });
    expect(server.audit.map((e) => e.outcome)).toEqual(['ok']);
  });

  it.each(forgeries)('with %s: no session, a generic 400, one audit row', async (_name, behaviour, check) => {
    server = await startSignInTestServer({ settingsFor: (appUrl) => startRogueProvider(appUrl, behaviour) });
    const { response, url, session, cookie } = await signInThrough(server);
    expect(url.pathname).toBe('/auth/callback');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(signInFailedPage);
    expect(cookie).toBeUndefined();
    expect(session).toMatchObject({ roles: ['public'] });
    expect(session).not.toHaveProperty('user');
    expect(server.audit).toHaveLength(1);
    expect(server.audit[0]).toMatchObject({
      action: 'signIn',
      outcome: 'failed',
      status: 400,
      resource: '/auth/callback',
      roles: [],
      parameters: { reason: 'responseRejected', check },
    });
    expect(server.audit[0]).not.toHaveProperty('user');
  });

  it('with a replayed code, against the real provider: refused whether the answer or only the code is replayed', async () => {
    server = await startSignInTestServer();
    const { url } = server;
    const browser = testBrowser();
    const toCallback = (at: URL) => at.pathname === '/auth/callback';
    const login = new URL('/auth/login?returnTo=/&login_hint=analyst', url);
    const { url: page } = await browser.follow(login);
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const { url: callback } = await browser.follow(page, { ...form, body: 'user=analyst' }, toCallback);
    expect((await browser.request(callback)).status).toBe(302);
    expect(server.audit.map((e) => e.outcome)).toEqual(['ok']);

    // The same answer again: the sign-in it answered was taken when it was first used.
    const thief = testBrowser();
    const replayed = await thief.request(callback);
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toBe(signInFailedPage);
    expect(replayed.headers.getSetCookie().some((c) => c.startsWith('__Host-soteatlas='))).toBe(false);
    expect(server.audit.slice(1)).toMatchObject([
      { outcome: 'failed', parameters: { reason: 'noSignInUnderWay' } },
    ]);

    // The code with a sign-in of the thief's own: the provider redeems a code once.
    const ownState = await stateOfLogin(thief, login);
    const forged = new URL(callback);
    forged.searchParams.set('state', ownState);
    const reused = await thief.request(forged);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toBe(signInFailedPage);
    expect(server.audit.slice(2)).toMatchObject([
      { outcome: 'failed', parameters: { reason: 'responseRejected' } },
    ]);
    expect(await (await thief.request(new URL('/api/session', url))).json()).toMatchObject({
      roles: ['public'],
    });
  });
});

/** Starts a sign-in and answers the state it sent to the provider. */
const stateOfLogin = async (browser: ReturnType<typeof testBrowser>, login: URL): Promise<string> => {
  const response = await browser.request(login);
  await response.body?.cancel();
  return new URL(response.headers.get('location') ?? '').searchParams.get('state') ?? '';
};
