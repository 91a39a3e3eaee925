import { viewerWithRoles } from '../../src/model/index.js';
import type { ServerOptions } from '../../src/server/index.js';
import { headerViewerOf } from '../../src/server/testing.js';

type Authenticator = NonNullable<ServerOptions['authenticator']>;

/** What the test authenticator hands out, and expects back on every write. */
export const testCsrfToken = 'e2e-csrf-token';

/**
 * Until the browser tests sign in through the demo identity provider: the viewer a request names in the
 * test role headers, an analyst when it names none (the app sends none), and `GET /api/session` telling
 * the app so. Only a write carrying the session's CSRF token proves it came from the app.
 */
export const testAccess: Authenticator = {
  mode: 'signIn',
  register: async (app) => {
    app.get('/api/session', async (request) => {
      const viewer = viewerOf(request.headers);
      return {
        mode: 'signIn',
        ...viewer,
        user: { issuer: 'https://e2e.invalid', subject: viewer.roles.join('+'), name: 'Testi Käyttäjä' },
        csrfToken: testCsrfToken,
      };
    });
  },
  viewerOf: async (request) => viewerOf(request.headers),
  provesOrigin: (request) => request.headers['x-csrf-token'] === testCsrfToken,
  close: async () => undefined,
};

const viewerOf = (headers: Record<string, string | string[] | undefined>) =>
  headers['x-soteatlas-role'] === undefined ? viewerWithRoles(['analyst']) : headerViewerOf(headers);
