export { type CachedEntry, requestKey } from './answer-cache.js';
export {
  answerJson,
  answerText,
  type Fetcher,
  type SourceAnswer,
  SourceRefused,
  type SourceRequest,
  SourceUnreachable,
} from './fetcher.js';
export { type FetchStats, type HttpFetcher, type HttpFetcherOptions, httpFetcher } from './http-fetcher.js';
export { proxyFor } from './proxy.js';
export { type Clock, RateLimiter, systemClock } from './rate-limit.js';
export { type Recording, readRecordings, recordedFetcher } from './recorded-fetcher.js';
