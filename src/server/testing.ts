import type { FastifyInstance } from 'fastify';
import { publicViewer, Role, type Viewer, viewerWithRoles } from '../model/index.js';
import { openState } from '../state/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import type { Authenticator } from './auth/index.js';
import type { RouteContext } from './register.js';
import { buildServer } from './server.js';

/**
 * Tests only: the viewer a request names in `X-Soteatlas-Role` (and, for a producer,
 * `X-Soteatlas-Producer`), so that route tests can ask as any role without signing in. The server
 * itself never reads these headers.
 */
export const headerViewerOf = (headers: Record<string, string | string[] | undefined>): Viewer => {
  const role = Role.safeParse(headers['x-soteatlas-role']);
  if (!role.success) return publicViewer;
  if (role.data !== 'producer') return viewerWithRoles([role.data]);
  const producerCode = headers['x-soteatlas-producer'];
  if (typeof producerCode !== 'string' || producerCode === '') return publicViewer;
  return viewerWithRoles(['producer'], { producerCode });
};

/** Tests only: believes the role headers, and takes every write as coming from the app. */
export const headerAccess: Authenticator = {
  mode: 'signIn',
  register: async () => undefined,
  viewerOf: async (request) => headerViewerOf(request.headers),
  provesOrigin: () => true,
  close: async () => undefined,
};

/** The headers that make a test request come from `role` (and, for a producer, `producerCode`). */
export const asRole = (role: Role, producerCode?: string): Record<string, string> => ({
  'x-soteatlas-role': role,
  ...(producerCode && { 'x-soteatlas-producer': producerCode }),
});

/** What a route registered by a test is served with: `store`, an embedded state in it, header access. */
export const testRouteContext = async (store: Store): Promise<RouteContext> => ({
  store,
  state: await openState({ store, county: '07' }),
  audit: { append: async () => undefined },
  authenticator: headerAccess,
  serveAppAs: () => {
    throw new Error('the test route serves no app');
  },
});

/** A server over the sample store of src/store/test-fixture.ts, with no web app built. */
export const openTestServer = async (): Promise<{
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}> => {
  const store = await openSampleStore();
  const app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      store.close();
    },
  };
};

/** GET `url` and read the JSON answer. */
export const getJson = async (app: FastifyInstance, url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.json() };
};
