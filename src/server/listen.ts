import type { FastifyInstance } from 'fastify';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The address to show people: a wildcard host is reached through localhost; IPv6 needs brackets. */
const browsableHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
};

/** Starts serving `app`; port 0 picks a free port, whose address the result gives. */
export const listen = async (app: FastifyInstance, port: number, host: string): Promise<RunningServer> => {
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${browsableHost(host)}:${actualPort}`,
    close: () => app.close(),
  };
};
