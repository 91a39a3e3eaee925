import type { Command } from 'commander';
import {
  type Authenticator,
  publicAccess,
  type RunningServer,
  readSignInSettings,
  signInAccess,
  startServer,
} from '../../server/index.js';
import type { StateDb } from '../../state/index.js';
import { openStore, type Store } from '../../store/index.js';
import { defaultDatabasePath, defaultWebRoot } from '../paths.js';
import { openStateOf } from '../state.js';
import { startOpenDataRefresh } from './refresh.js';

export interface ServeOptions {
  db: string;
  port: number;
  host?: string;
  /** `postgres://…`: the state on a PostgreSQL server that other server processes share. */
  state?: string | undefined;
  /** How people sign in; by default no one does and the server is public and read-only. */
  authenticator?: Authenticator;
  /** Closed with the server: the demo's identity provider. */
  alsoClose?: () => Promise<void>;
  /** The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated). */
  trustProxy?: string | undefined;
  /** Refresh open data on this schedule ("daily 03:30"), for the county's municipalities. */
  refresh?: { schedule: string; county?: string | undefined } | undefined;
}

/** What the start-up message says of who may do what. */
const accessNote = (authenticator: Authenticator): string =>
  authenticator.mode === 'public'
    ? 'Access is public, read-only: sign-in is not configured (see --sign-in), so everyone sees figures after disclosure control and nothing can be changed.\n'
    : '';

/**
 * Serves a store. With the state on PostgreSQL the store is opened read-only, so that several server
 * processes can open the same file side by side: DuckDB lets one process write a file, or any number
 * read it. New data is imported into a copy of the file while they serve, and they are restarted on
 * the copy one at a time (README, "Deployment").
 */
export const serveStore = async ({ alsoClose, ...options }: ServeOptions): Promise<void> => {
  const authenticator = options.authenticator ?? publicAccess;
  // What cannot start is refused before anything opens; what opened is closed again when the server
  // cannot start (its port taken, say), so that a caller may try again.
  const closeAll = async (store?: Store, state?: StateDb) => {
    await state?.close();
    await authenticator.close();
    await alsoClose?.();
    store?.close();
  };
  if (options.refresh && options.state !== undefined) {
    await closeAll();
    throw new Error('--refresh needs a store this server may write; with --state postgres it is read-only');
  }
  let store: Store | undefined;
  let state: StateDb | undefined;
  let server: RunningServer;
  try {
    store = await openStore(options.db, { readOnly: options.state !== undefined });
    state = await openStateOf(store, options.state);
    server = await startServer({
      store,
      state,
      port: options.port,
      host: options.host,
      webRoot: defaultWebRoot,
      ...(options.trustProxy !== undefined && { trustProxy: options.trustProxy }),
      // Defects, one JSON line each with the request id their answer gave, on stderr beside the start message.
      logger: { level: 'error', stream: process.stderr },
      authenticator,
    });
  } catch (error) {
    await closeAll(store, state);
    throw error;
  }
  if (state.backend === 'postgres')
    process.stdout.write(
      `The state (county ${state.county}) is on PostgreSQL; the store ${options.db} is open read-only.\n`,
    );
  process.stdout.write(
    `Soteatlas is running at ${server.url}  (Ctrl-C stops it)\n${accessNote(authenticator)}`,
  );
  const refresh =
    options.refresh &&
    startOpenDataRefresh(store, options.refresh, (line) => process.stdout.write(`${line}\n`));
  const stop = async () => {
    refresh?.stop();
    await server.close();
    await closeAll(store, state);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

export const portOption = (value: string | undefined): number => Number(value ?? process.env.PORT ?? 8080);

/** The options of every command that serves a store: --db, --port, --host and --state. */
export const withServeOptions = (command: Command): Command =>
  command
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--port <n>', 'port (default $PORT or 8080)')
    .option('--host <host>', 'interface to listen on', 'localhost')
    .option(
      '--state <url>',
      'keep users and what they edit on PostgreSQL (postgres://…), shared by several server processes; the store is then opened read-only',
    );

export const registerServe = (program: Command): void => {
  withServeOptions(program.command('serve').description('serve the web app and the API over a store'))
    .option(
      '--sign-in <file>',
      'OpenID Connect settings (YAML or JSON; SOTEATLAS_OIDC_* variables too); without them access is public and read-only',
    )
    .option(
      '--refresh <schedule>',
      'refresh open data: "daily HH:MM", "weekly HH:MM" or "every N days HH:MM" (UTC)',
    )
    .option(
      '--refresh-county <code>',
      "the wellbeing services county whose municipalities' data are refreshed",
    )
    .option(
      '--trust-proxy <addresses>',
      'reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client',
    )
    .action(
      async (options: {
        db: string;
        port?: string;
        host: string;
        state?: string;
        signIn?: string;
        trustProxy?: string;
        refresh?: string;
        refreshCounty?: string;
      }) => {
        const settings = readSignInSettings(options.signIn);
        await serveStore({
          db: options.db,
          port: portOption(options.port),
          host: options.host,
          state: options.state,
          trustProxy: options.trustProxy,
          ...(options.refresh && { refresh: { schedule: options.refresh, county: options.refreshCounty } }),
          ...(settings && { authenticator: signInAccess(settings) }),
        });
      },
    );
};
