import type { FastifyInstance } from 'fastify';
import { publicViewer, Role, type Viewer, viewerWithRoles } from '../model/index.js';
import { type AuditSink, openState, type StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import type { Authenticator } from './auth/index.js';
import { countyOf } from './county.js';
import type { ServerLimits } from './limits/server-limits.js';
import type { RouteContext } from './register.js';
import { buildServer } from './server.js';

/**
 * Tests only: the viewer a request names in `X-Soteatlas-Role` (and, for a producer,
 * `X-Soteatlas-Producer`; for an area-scoped viewer, `X-Soteatlas-Areas`), so that route tests can ask as
 * any role without signing in. A role other than public is a signed-in user (issuer urn:test, subject the
 * role, and the producer after a colon); no role is the public, not signed in. The server itself never
 * reads these headers.
 */
export const headerViewerOf = (headers: Record<string, string | string[] | undefined>): Viewer => {
  const role = Role.safeParse(headers['x-soteatlas-role']);
  if (!role.success || role.data === 'public') return publicViewer;
  const producerCode = headers['x-soteatlas-producer'];
  if (role.data === 'producer' && (typeof producerCode !== 'string' || producerCode === ''))
    return publicViewer;
  const areas = headers['x-soteatlas-areas'];
  const subject = role.data === 'producer' ? `producer:${producerCode}` : role.data;
  return viewerWithRoles([role.data], {
    user: { issuer: testIssuer, subject, name: subject },
    ...(typeof areas === 'string' && { areas: areas.split(',').filter(Boolean) }),
    ...(role.data === 'producer' && { producerCode: producerCode as string }),
  });
};

/** Tests only: believes the role headers, and takes every write as coming from the app. */
export const headerAccess: Authenticator = {
  mode: 'signIn',
  register: async () => undefined,
  viewerOf: async (request) => headerViewerOf(request.headers),
  provesOrigin: () => true,
  close: async () => undefined,
};

/** The issuer of the users that `headerAccess` makes up. */
export const testIssuer = 'urn:test';

/** The headers that make a test request come from `role` (and, for a producer, `producerCode`). */
export const asRole = (role: Role, producerCode?: string): Record<string, string> => ({
  'x-soteatlas-role': role,
  ...(producerCode && { 'x-soteatlas-producer': producerCode }),
});

/** The headers of a signed-in `role` who may see only the municipalities `areas`. */
export const asRoleInAreas = (role: Role, areas: readonly string[]): Record<string, string> => ({
  ...asRole(role),
  'x-soteatlas-areas': areas.join(','),
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
export const openTestServer = async ({
  audit = { append: async () => undefined },
  store: given,
  limits,
}: {
  audit?: AuditSink;
  /** Rate limits other than the defaults, for a test that asks more than a person would. */
  limits?: Partial<ServerLimits>;
  /** Another store to serve than the sample one (a small demo county); the server closes it. */
  store?: Store;
} = {}): Promise<{
  app: FastifyInstance;
  store: Store;
  state: StateDb;
  close(): Promise<void>;
}> => {
  const store = given ?? (await openSampleStore());
  const state = await openState({ store, county: await countyOf(store) });
  const app = await buildServer({
    store,
    state,
    audit,
    webRoot: '/nonexistent',
    authenticator: headerAccess,
    ...(limits && { limits }),
  });
  return {
    app,
    store,
    state,
    close: async () => {
      await app.close();
      await state.close();
      store.close();
    },
  };
};

/** GET `url` (as the public, unless `headers` say otherwise) and read the JSON answer. */
export const getJson = async (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.json() };
};

/** Tests and benchmarks: a browser that keeps cookies, signed in through the demo provider as a person is. */
export { signInWith, type TestBrowser, testBrowser } from './auth/browser.fixture.js';
/** Tests and benchmarks: the sample store served with sign-in against the demo provider on loopback. */
export { type SignInTestServer, startSignInTestServer } from './auth/sign-in-server.fixture.js';
export {
  type FuzzFailure,
  type FuzzOptions,
  fuzzApi,
  type OperationReport,
  reproductionOf,
  roleAllowed,
  type Send,
  type SendAs,
} from './fuzz-run.fixture.js';
