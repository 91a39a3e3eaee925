import { Agent, type Dispatcher, ProxyAgent, request as undiciRequest } from 'undici';
import { AnswerCache } from './answer-cache.js';
import {
  type Fetcher,
  type SourceAnswer,
  SourceRefused,
  type SourceRequest,
  SourceUnreachable,
} from './fetcher.js';
import { proxyFor } from './proxy.js';
import { type Clock, RateLimiter, systemClock } from './rate-limit.js';

export interface HttpFetcherOptions {
  /** Where answers are kept with their validators (ETag, Last-Modified). */
  cacheDir: string;
  /** A proxy's address; by default HTTPS_PROXY / https_proxy (and HTTP_PROXY for plain http), minus NO_PROXY. */
  proxy?: string;
  /** The environment the proxy is read from; the process's own unless a test gives another. */
  env?: Record<string, string | undefined>;
  /** The least time between two requests to one host. */
  minIntervalMs?: number;
  /**
   * At most this many requests to one host in any window. Statistics Finland's PxWeb allows 30 queries
   * in 10 seconds (its `?config` says maxCalls and timeWindow).
   */
  rateLimit?: { calls: number; windowMs: number };
  timeoutMs?: number;
  /** How many times a 429 is waited out (by its Retry-After) before the service's refusal is passed on. */
  retries?: number;
  clock?: Clock;
  userAgent?: string;
}

/** What a fetcher did, for the command's summary and the tests. */
export interface FetchStats {
  requests: number;
  notModified: number;
  retriedAfter429: number;
  waitedMs: number;
}

export interface HttpFetcher extends Fetcher {
  stats(): FetchStats;
  close(): Promise<void>;
}

const retryAfterMs = (header: string | string[] | undefined, now: number): number => {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
};

const headerText = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** The words a user sees when the network is the trouble: which host, through which proxy, and why. */
const unreachableReason = (error: unknown, host: string, proxy: string | undefined): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  const via = proxy ? ` through the proxy ${new URL(proxy).host}` : ' directly (no HTTPS_PROXY set)';
  return `offline or proxy: ${host} could not be reached${via} (${detail})`;
};

/**
 * Fetches over HTTP(S) as county networks allow: through the proxy the environment names, one host's
 * rate limit kept by waiting, and every answer cached with its validators, so that a second fetch of
 * an unchanged table costs the service a 304 and no data.
 */
export const httpFetcher = (options: HttpFetcherOptions): HttpFetcher => {
  const cache = new AnswerCache(options.cacheDir);
  const clock = options.clock ?? systemClock;
  const limiters = new Map<string, RateLimiter>();
  const dispatchers = new Map<string, Dispatcher>();
  const stats: FetchStats = { requests: 0, notModified: 0, retriedAfter429: 0, waitedMs: 0 };
  const limiterOf = (host: string) => {
    let limiter = limiters.get(host);
    if (!limiter) {
      limiter = new RateLimiter(
        {
          calls: options.rateLimit?.calls ?? Number.POSITIVE_INFINITY,
          windowMs: options.rateLimit?.windowMs ?? 0,
          minIntervalMs: options.minIntervalMs ?? 0,
        },
        clock,
      );
      limiters.set(host, limiter);
    }
    return limiter;
  };
  const dispatcherOf = (proxy: string | undefined): Dispatcher => {
    const key = proxy ?? '';
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
      dispatcher = proxy ? new ProxyAgent({ uri: proxy }) : new Agent();
      dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  };

  const fetchOnce = async (request: SourceRequest, attempt: number): Promise<SourceAnswer> => {
    const url = new URL(request.url);
    const proxy = proxyFor(request.url, options.env ?? process.env, options.proxy);
    const cached = cache.get(request);
    stats.waitedMs += await limiterOf(url.host).take();
    const headers: Record<string, string> = {
      accept: request.accept ?? 'application/json',
      'user-agent': options.userAgent ?? 'soteatlas',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (cached?.entry.etag) headers['if-none-match'] = cached.entry.etag;
    if (cached?.entry.lastModified) headers['if-modified-since'] = cached.entry.lastModified;
    let response: Dispatcher.ResponseData;
    stats.requests++;
    try {
      response = await undiciRequest(request.url, {
        method: request.method ?? 'GET',
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        dispatcher: dispatcherOf(proxy),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new SourceUnreachable(request.url, unreachableReason(error, url.host, proxy));
    }
    const fetchedAt = new Date(clock.now()).toISOString();
    let body: Uint8Array;
    try {
      body = new Uint8Array(await response.body.arrayBuffer());
    } catch (error) {
      throw new SourceUnreachable(request.url, unreachableReason(error, url.host, proxy));
    }
    if (response.statusCode === 304 && cached) {
      stats.notModified++;
      cache.put(request, { ...cached.entry, fetchedAt }, cached.body);
      return cache.answer(request, fetchedAt) as SourceAnswer;
    }
    if (response.statusCode === 429 && attempt < (options.retries ?? 3)) {
      stats.retriedAfter429++;
      const wait = retryAfterMs(response.headers['retry-after'], clock.now());
      stats.waitedMs += wait;
      await clock.sleep(wait);
      return fetchOnce(request, attempt + 1);
    }
    const contentType = headerText(response.headers['content-type']);
    if (response.statusCode >= 400)
      throw new SourceRefused(
        request.url,
        response.statusCode,
        new TextDecoder().decode(body).slice(0, 500).trim() || `HTTP ${response.statusCode}`,
      );
    if (response.statusCode >= 200 && response.statusCode < 300)
      cache.put(
        request,
        {
          url: request.url,
          status: response.statusCode,
          contentType,
          etag: headerText(response.headers.etag),
          lastModified: headerText(response.headers['last-modified']),
          fetchedAt,
        },
        body,
      );
    return { url: request.url, status: response.statusCode, body, contentType, fetchedAt, fromCache: false };
  };

  return {
    fetch: (request) => fetchOnce(request, 0),
    stats: () => ({ ...stats }),
    close: async () => {
      await Promise.all([...dispatchers.values()].map((d) => d.close()));
      dispatchers.clear();
    },
  };
};
