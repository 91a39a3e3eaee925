import { Agent, request as httpRequest } from 'node:http';

/** fetch's signature, cut to what sessions use: no redirects followed, the body read whole. */
export type Fetch = (
  url: URL,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<Response>;

/**
 * The loopback address of session `index`: 127.0.x.y, one each. People reach a county's server from
 * many addresses, and the server counts sign-ins and heavy requests per address; 200 sessions from
 * 127.0.0.1 alone would be one client asking 200 times as often. Linux routes all of 127.0.0.0/8 to lo.
 */
export const loopbackAddressOf = (index: number): string =>
  `127.0.${1 + Math.floor(index / 250)}.${2 + (index % 250)}`;

/**
 * A browser's connection pool: HTTP/1.1 with keep-alive, from `localAddress`, answers as fetch's
 * Response (each Set-Cookie kept apart, as getSetCookie() reads them).
 */
export const clientFrom = (localAddress: string): { fetch: Fetch; close(): void } => {
  const agent = new Agent({ keepAlive: true, maxSockets: 6, localAddress });
  const fetch: Fetch = (url, { method = 'GET', headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      // IPv4 like the local address: "localhost" may otherwise resolve to ::1 first.
      const outgoing = httpRequest(url, { method, headers, agent, family: 4 }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const answerHeaders = new Headers();
          for (let i = 0; i < incoming.rawHeaders.length; i += 2)
            answerHeaders.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '');
          const status = incoming.statusCode ?? 0;
          const noBody = status === 204 || status === 304;
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: answerHeaders }));
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return { fetch, close: () => agent.destroy() };
};
