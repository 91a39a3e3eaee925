import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KoaContextWithOIDC } from 'oidc-provider';
import {
  type DemoUser,
  defaultRoleValues,
  SignInSettings as Settings,
  type SignInSettings,
} from '../../model/index.js';
import { demoInteraction } from './demo-interaction.js';
import { demoUsers } from './demo-users.js';

export interface DemoProvider {
  /** Sign-in settings for the app at `appUrl`, against this provider. */
  settings: SignInSettings;
  users: readonly DemoUser[];
  close(): Promise<void>;
}

const claimValueOf = Object.fromEntries(
  Object.entries(defaultRoleValues).map(([value, role]) => [role, value]),
);

const accountOf = (users: readonly DemoUser[]) => async (_ctx: KoaContextWithOIDC, id: string) => {
  const user = users.find((u) => u.id === id);
  if (!user) return undefined;
  return {
    accountId: user.id,
    // As Entra ID sends them: app-role values in `roles`, and here a producer code of our own naming.
    claims: async () => ({
      sub: user.id,
      name: user.name,
      email: `${user.id}@demo.soteatlas.invalid`,
      roles: user.roles.map((role) => claimValueOf[role] ?? role),
      ...(user.producerCode && { producer_code: user.producerCode }),
    }),
  };
};

/** Asking for another user (login_hint) than the one signed in at the provider signs in again. */
const policy = ({ interactionPolicy }: typeof import('oidc-provider')) => {
  const prompts = interactionPolicy.base();
  prompts
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'login_hint_other_user',
        'the app asked for another user',
        (ctx) =>
          typeof ctx.oidc.params?.login_hint === 'string' &&
          ctx.oidc.params.login_hint !== ctx.oidc.session?.accountId,
      ),
    );
  return prompts;
};

/** The demo's own app is trusted: the user is never asked to consent to what it reads. */
const grantOf = async (ctx: KoaContextWithOIDC) => {
  const { client, session, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  // A grant kept from another user signed in before in this browser is not this user's.
  if (existing?.accountId === session.accountId) return existing;
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope('openid profile email');
  await grant.save();
  return grant;
};

/**
 * An OpenID provider on loopback for the demo and the tests (panva's oidc-provider, the reference
 * implementation certified by the OpenID Foundation): the demo's people sign in with one click, no
 * password. It knows one client, the app at `appUrl`, with a secret made up for this run.
 */
export const startDemoProvider = async (
  appUrl: string,
  users: readonly DemoUser[] = demoUsers,
): Promise<DemoProvider> => {
  let handle: RequestListener | undefined;
  const server = createServer((request, response) => handle?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = randomBytes(32).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  // Loaded only when the demo runs: a deployment never starts a provider of its own.
  const oidc = await import('oidc-provider');
  const provider = new oidc.default(issuer, {
    clients: [
      {
        client_id: 'soteatlas-demo',
        client_secret: clientSecret,
        redirect_uris: [`${appUrl.replace(/\/+$/, '')}/auth/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'demo', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name', 'roles', 'producer_code'], email: ['email'] },
    // Entra ID puts the app roles in the ID token; so does the demo, which then needs no userinfo call.
    conformIdTokenClaims: false,
    findAccount: accountOf(users),
    loadExistingGrant: grantOf,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}`, policy: policy(oidc) },
    features: { devInteractions: { enabled: false } },
    // Seconds. A demo sign-in lasts as long as the app's longest session.
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      AccessToken: 600,
      IdToken: 600,
      Grant: 36_000,
      Session: 36_000,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Sign-in error: ${String(out.error)}`;
    },
  });
  const callback = provider.callback();
  handle = (request, response) => {
    if (/^\/interaction\/[\w-]+$/.test((request.url ?? '').split('?')[0] ?? '')) {
      demoInteraction(provider, users, request, response).catch(() => {
        if (!response.headersSent) response.writeHead(400, { 'Content-Type': 'text/plain' });
        response.end('This sign-in has expired; start again from the app.');
      });
      return;
    }
    callback(request, response);
  };
  return {
    settings: Settings.parse({ issuer, clientId: 'soteatlas-demo', clientSecret, appUrl }),
    users,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
