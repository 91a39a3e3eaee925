import * as client from 'openid-client';
import type { SignInSettings } from '../../model/index.js';
import type { SignInRequest } from '../../state/index.js';

/** Fresh, unguessable values for one sign-in: the CSRF check of the redirect, the ID token's and PKCE's. */
export const newSignInChecks = () => ({
  state: client.randomState(),
  nonce: client.randomNonce(),
  codeVerifier: client.randomPKCECodeVerifier(),
});

const isLoopback = (url: URL): boolean =>
  url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';

/**
 * Soteatlas as an OpenID Connect relying party (panva's openid-client). The provider's metadata is read
 * at the first sign-in and kept; a failed read is tried again at the next.
 */
export const relyingParty = (settings: SignInSettings) => {
  const redirectUri = `${settings.appUrl.replace(/\/+$/, '')}/auth/callback`;
  const issuer = new URL(settings.issuer);
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        issuer,
        settings.clientId,
        // Entra ID and the demo provider sign with RS256; a token signed otherwise (or not at all) is refused.
        {
          id_token_signed_response_alg: 'RS256',
          ...(settings.clientSecret && { client_secret: settings.clientSecret }),
        },
        settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
        {
          execute: [
            // The ID token's signature is checked against the provider's keys, not only trusted for having
            // come over TLS, so that a token from anywhere else is refused however it reached us.
            client.enableNonRepudiationChecks,
            // Plain HTTP only to a provider on this machine: the demo's and the tests'.
            ...(isLoopback(issuer) ? [client.allowInsecureRequests] : []),
          ],
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    redirectUri,
    /** Where to send the browser to sign in. */
    async authorisationUrl(request: SignInRequest, loginHint?: string): Promise<URL> {
      return client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: settings.scope,
        state: request.state,
        nonce: request.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
        ...(loginHint && { login_hint: loginHint }),
      });
    },
    /**
     * The verified ID token's claims for the provider's answer (`query`, the callback's query string):
     * state, issuer, audience, expiry, nonce and signature checked, the code redeemed with the PKCE
     * verifier. Throws on anything amiss.
     */
    async claimsOf(query: string, request: SignInRequest): Promise<Record<string, unknown>> {
      const tokens = await client.authorizationCodeGrant(
        await configuration(),
        new URL(`${redirectUri}${query}`),
        {
          pkceCodeVerifier: request.codeVerifier,
          expectedState: request.state,
          expectedNonce: request.nonce,
          idTokenExpected: true,
        },
      );
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider sent no ID token');
      return { ...claims };
    },
  };
};

export type RelyingParty = ReturnType<typeof relyingParty>;
