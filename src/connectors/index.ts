export { type CachedEntry, requestKey } from './answer-cache.js';
export {
  type FetchParameters,
  type FetchRecord,
  type LastFetch,
  lastFetches,
  recordFetch,
  type TableStructure,
} from './fetch-log.js';
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
export {
  type PxConfig,
  type PxItem,
  type PxLanguage,
  type PxSearchHit,
  type PxTableMetadata,
  type PxVariable,
  PxWebApi,
  statFinApi,
} from './pxweb/api.js';
export { type PxDataset, pxDatasets, statFinSource } from './pxweb/datasets.js';
export {
  FetchCancelled,
  fetchPxWeb,
  fetchTable,
  type PxFetchOptions,
  type PxFetchResult,
  resolveTable,
} from './pxweb/fetch-pxweb.js';
export { buildQuery, cellCount, splitQuery } from './pxweb/query.js';
export { variableRoles } from './pxweb/roles.js';
export { type Clock, RateLimiter, systemClock } from './rate-limit.js';
export { type Recording, readRecordings, recordedFetcher } from './recorded-fetcher.js';
export { nextRefresh, parseSchedule, type RefreshSchedule, startRefreshLoop } from './schedule.js';
export {
  fetchSotkanet,
  importReferenceValues,
  type SotkanetFetch,
  type SotkanetFetchOptions,
  sotkanetAnswersFromFiles,
  sotkanetSource,
  storeIndicatorTitles,
} from './sotkanet/index.js';
export { fetchWfs, type WfsFetchOptions, type WfsFetchResult } from './wfs/fetch-wfs.js';
export {
  defaultScale,
  getFeatureUrl,
  layerName,
  parseLayerName,
  statFinWfs,
  type WfsLayerAsked,
  type WfsLayerKind,
  type WfsScale,
  wfsLayerAsked,
  wfsScales,
} from './wfs/layers.js';
