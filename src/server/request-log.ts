import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { printable } from '../model/index.js';

/** A request as the server log shows it, with what the client wrote escaped (model/printable.ts). */
const requestLine = (request: FastifyRequest) => ({
  method: request.method,
  url: printable(request.url),
  host: printable(request.host ?? ''),
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

/**
 * The logger options with requests written escaped, so that a URL with a line break or a terminal
 * escape cannot forge a line of the server log or reach the terminal of whoever reads it.
 */
export const escapingLogger = (logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] => {
  if (!logger) return logger;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: requestLine } };
};
