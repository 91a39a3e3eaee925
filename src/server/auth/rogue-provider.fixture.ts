import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { SignInSettings } from '../../model/index.js';

/** What the ID token would be, for a test to change: its header's alg and kid, and its claims. */
export interface TokenDraft {
  alg: string;
  kid: string;
  claims: JWTPayload & Record<string, unknown>;
}

export interface RogueBehaviour {
  /** Changes the redirect back to the app (state, code). */
  answer?: (parameters: URLSearchParams) => void;
  /** Changes the ID token before it is signed. */
  token?: (draft: TokenDraft) => void;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Tests only: an OpenID provider that misbehaves as a test asks, to show the app refuses what a real one
 * never sends: discovery, its keys, an authorisation endpoint that approves at once, and a token endpoint
 * whose ID token a test forges. Tokens of kid "unknown" are signed with a key it never publishes; alg
 * "none" gives an unsigned token.
 */
export const startRogueProvider = async (appUrl: string, behaviour: RogueBehaviour) => {
  const published = await generateKeyPair('RS256');
  const unpublished = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  const clientId = 'soteatlas-test';
  const nonces = new Map<string, string>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const json = (body: unknown) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration')
      return json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/authorize') {
      const code = randomBytes(16).toString('hex');
      nonces.set(code, url.searchParams.get('nonce') ?? '');
      const back = new URLSearchParams({ code, state: url.searchParams.get('state') ?? '' });
      behaviour.answer?.(back);
      return response.writeHead(302, { location: `${url.searchParams.get('redirect_uri')}?${back}` }).end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', async () => {
        const code = new URLSearchParams(body).get('code') ?? '';
        const now = Math.floor(Date.now() / 1000);
        const draft: TokenDraft = {
          alg: 'RS256',
          kid: 'k1',
          claims: {
            iss: issuer,
            aud: clientId,
            sub: 'rogue-user',
            name: 'Rogue User',
            roles: ['Soteatlas.Analyst'],
            nonce: nonces.get(code) ?? '',
            iat: now,
            exp: now + 300,
          },
        };
        behaviour.token?.(draft);
        const idToken =
          draft.alg === 'none'
            ? `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(draft.claims)}.`
            : await new SignJWT(draft.claims)
                .setProtectedHeader({ alg: draft.alg, kid: draft.kid })
                .sign(draft.kid === 'unknown' ? unpublished.privateKey : published.privateKey);
        json({
          access_token: randomBytes(16).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        });
      });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    settings: SignInSettings.parse({ issuer, clientId, clientSecret: 'test-secret', appUrl }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
