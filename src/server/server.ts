import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { SoteatlasError, type Viewer } from '../model/index.js';
import {
  type AuditSink,
  checkAuditKey,
  openAuditLog,
  openState,
  readAuditKey,
  type StateDb,
} from '../state/index.js';
import type { Store } from '../store/index.js';
import { type Authenticator, fixedViewerAccess, publicAccess } from './auth/index.js';
import { countyOf } from './county.js';
import { errorAnswer } from './errors.js';
import { isApiPath, newRequestId, registerHeaders, setHeaders } from './headers.js';
import { defaultBodyLimitBytes } from './limits/body-limit.js';
import { defaultLimits, registerLimits, type ServerLimits } from './limits/server-limits.js';
import { listen } from './listen.js';
import { defaultWebRoot } from './paths.js';
import { registerRoute } from './register.js';
import { escapingLogger } from './request-log.js';
import { apiRoutes } from './routes/index.js';
import { registerWebApp } from './web-app.js';

export interface ServerOptions {
  store: Store;
  /** Users and what they edit; by default kept inside `store`. */
  state?: StateDb;
  /**
   * Where what happens is recorded; by default the state's audit log, its key from the environment or
   * a key file beside the store (see state/audit/key.ts).
   */
  audit?: AuditSink;
  /** How people sign in; by default nobody does, and the server is public and read-only. */
  authenticator?: Authenticator;
  /** The built web app; by default dist/web under the package root. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** Rate limits, by default those of `defaultLimits`. */
  limits?: Partial<ServerLimits>;
  /**
   * The reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed, so
   * that rate limits and the audit log see the client's address rather than the proxy's. None by default.
   */
  trustProxy?: string;
}

const auditKeys = new WeakMap<Store, Buffer>();

/** The state's audit log, with the key every process of the county shares (state/audit/key.ts). */
const defaultAuditLog = async (store: Store, state: StateDb): Promise<AuditSink> => {
  // A store in memory has a key made up for it, kept as long as it is: every server over it (a report's
  // print server, a second server in a test) must sign the one chain with the same key.
  const key = auditKeys.get(store) ?? readAuditKey({ storePath: store.path, create: true });
  auditKeys.set(store, key);
  await checkAuditKey(state, key);
  return openAuditLog(state, key);
};

/** The HTTP server: the JSON API over `store` under /api, and the web app everywhere else. */
export const buildServer = async ({
  store,
  state: givenState,
  audit: givenAudit,
  authenticator = publicAccess,
  webRoot = defaultWebRoot,
  logger = false,
  limits,
  trustProxy,
}: ServerOptions): Promise<FastifyInstance> => {
  const state = givenState ?? (await openState({ store, county: await countyOf(store) }));
  const audit = givenAudit ?? (await defaultAuditLog(store, state));
  const app = Fastify({
    logger: escapingLogger(logger),
    bodyLimit: defaultBodyLimitBytes,
    genReqId: newRequestId,
    ...(trustProxy !== undefined && { trustProxy }),
    requestIdHeader: false,
    // Requests Fastify cannot even route (a malformed URL) still get the API's error shape.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      const { status, body } = errorAnswer(new SoteatlasError('invalidRequest', error.message));
      setHeaders(request, reply);
      reply.code(status).send(body);
    },
  });
  // Handlers and engines throw; this is the one place a thrown error becomes an answer. It is set before
  // any route: a route takes the handler there is once the plugins before it have loaded (the web app's).
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorAnswer(error, request.id);
    // The log line carries the request id too, so the id in an answer finds the details here.
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body);
  });
  registerHeaders(app);
  registerLimits(app, apiRoutes, { ...defaultLimits(authenticator), ...limits });

  // A state the server opened is the server's to close; one it was given belongs to the caller.
  if (!givenState) app.addHook('onClose', () => state.close());
  // The app served for printing is started from inside a route's work, and Node runs a server's requests
  // in the context it was started in: outside `shared`, every request the printing browser makes would
  // query the route's own connection, all at once, and that connection is closed when the route's work
  // ends. Its requests are served as anyone's are.
  const serveAppAs = (viewer: Viewer) =>
    store.shared(async () =>
      listen(
        await buildServer({ store, state, audit, webRoot, authenticator: fixedViewerAccess(viewer) }),
        0,
        'localhost',
      ),
    );
  await authenticator.register(app, { state, audit });
  for (const route of apiRoutes)
    registerRoute(app, { store, state, audit, authenticator, serveAppAs }, route);
  const webAppFallback = await registerWebApp(app, webRoot);

  app.setNotFoundHandler((request, reply) => {
    if (!isApiPath(request.url)) return webAppFallback(request, reply);
    const path = request.url.split('?')[0] ?? '';
    const { status, body } = errorAnswer(
      new SoteatlasError('notFound', `There is no API route ${request.method} ${path}.`),
    );
    return reply.code(status).send(body);
  });

  return app;
};
