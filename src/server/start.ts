import type { Store } from '../store/index.js';
import { listen, type RunningServer } from './listen.js';
import { buildServer, type ServerOptions } from './server.js';

export type { RunningServer } from './listen.js';

export interface StartOptions extends ServerOptions {
  store: Store;
  /** 0 picks a free port. */
  port: number;
  /** By default localhost only; "0.0.0.0" serves the whole network. */
  host?: string;
}

export const startServer = async ({
  port,
  host = 'localhost',
  ...options
}: StartOptions): Promise<RunningServer> => listen(await buildServer(options), port, host);
