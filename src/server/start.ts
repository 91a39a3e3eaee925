import type { Store } from '../store/index.js';
import { buildServer, type ServerOptions } from './server.js';

export interface StartOptions extends ServerOptions {
  store: Store;
  /** 0 picks a free port. */
  port: number;
  /** By default localhost only; "0.0.0.0" serves the whole network. */
  host?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The address to show people: a wildcard host is reached through localhost; IPv6 needs brackets. */
const browsableHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
};

export const startServer = async ({
  port,
  host = 'localhost',
  ...options
}: StartOptions): Promise<RunningServer> => {
  const app = await buildServer(options);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${browsableHost(host)}:${actualPort}`,
    close: () => app.close(),
  };
};
