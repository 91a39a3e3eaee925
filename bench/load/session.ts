import { performance } from 'node:perf_hooks';
import type { Role } from '../../src/model/index.js';
import { clientFrom, type Fetch, loopbackAddressOf } from './client.js';

/** One answer as the load run records it. */
export interface Timed {
  status: number;
  ms: number;
  body: unknown;
}

/**
 * One person's browser: its own loopback address, kept-alive connections, cookies (the session cookie
 * above all) and CSRF token. Writes carry the token as the app's do.
 */
export interface Session {
  readonly role: Role;
  /** Sends a request as this session and times it, reading a JSON answer. */
  send(method: string, path: string, body?: unknown): Promise<Timed>;
  /** Sends a request as this session, the answer left unread. */
  request(method: string, path: string, body?: unknown): Promise<Response>;
  /** Closes its connections. */
  close(): void;
}

/** How a session comes to be signed in. */
export type SignIn = (baseUrl: string, role: Role, index: number) => Promise<Session>;

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** A browser's cookie jar for one host, cut to what sessions need: names and values. */
const cookieJar = () => {
  const jar = new Map<string, string>();
  return {
    header: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    take(response: Response) {
      for (const set of response.headers.getSetCookie()) {
        const [pair = ''] = set.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (value === '' || /max-age=0\b/i.test(set)) jar.delete(name);
        else jar.set(name, value);
      }
    },
  };
};

const sessionOver = (
  client: ReturnType<typeof clientFrom>,
  baseUrl: string,
  role: Role,
  headers: () => Record<string, string>,
  csrfToken?: string,
): Session => {
  const request = (method: string, path: string, body?: unknown) =>
    client.fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...headers(),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(method !== 'GET' && csrfToken && { 'x-csrf-token': csrfToken }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  return {
    role,
    request,
    close: client.close,
    async send(method, path, body) {
      const started = performance.now();
      const response = await request(method, path, body);
      const answer = await readBody(response);
      return { status: response.status, ms: performance.now() - started, body: answer };
    },
  };
};

/**
 * Signs in through the demo identity provider as a person does: /auth/login with the demo user as the
 * login hint, the provider's page, its redirect back to /auth/callback (which sets the session cookie),
 * then /api/session for the CSRF token. Sessions of one role are the same person in as many browsers.
 */
export const demoSignIn: SignIn = async (baseUrl, role, index) => {
  const client = clientFrom(loopbackAddressOf(index));
  const fetch: Fetch = client.fetch;
  const jars = new Map<string, ReturnType<typeof cookieJar>>();
  const jarOf = (url: URL) => {
    const jar = jars.get(url.host) ?? cookieJar();
    jars.set(url.host, jar);
    return jar;
  };
  const request = async (url: URL, init: Parameters<Fetch>[1] = {}) => {
    const jar = jarOf(url);
    const response = await fetch(url, { ...init, headers: { ...init.headers, cookie: jar.header() } });
    jar.take(response);
    return response;
  };
  const follow = async (start: URL, init: Parameters<Fetch>[1] = {}) => {
    let at = start;
    let response = await request(at, init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      const location = response.headers.get('location');
      if (!location) break;
      await response.body?.cancel();
      at = new URL(location, at);
      response = await request(at);
    }
    return { response, at };
  };
  // The demo provider has one user for each role, named by it.
  const userId = role;
  const login = new URL('/auth/login', baseUrl);
  login.search = new URLSearchParams({ returnTo: '/', login_hint: userId }).toString();
  const { response: page, at } = await follow(login);
  await page.body?.cancel();
  if (page.status !== 200 || !at.pathname.startsWith('/interaction/'))
    throw new Error(`the provider's sign-in page did not come: ${page.status} ${at}`);
  const { response: signedIn } = await follow(at, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user: userId }).toString(),
  });
  await signedIn.body?.cancel();
  const appJar = jarOf(new URL(baseUrl));
  const session = await fetch(new URL('/api/session', baseUrl), { headers: { cookie: appJar.header() } });
  const { csrfToken, user } = (await session.json()) as { csrfToken?: string; user?: unknown };
  if (!user || !csrfToken) throw new Error(`${userId} is not signed in after the provider's redirect`);
  return sessionOver(client, baseUrl, role, () => ({ cookie: appJar.header() }), csrfToken);
};
