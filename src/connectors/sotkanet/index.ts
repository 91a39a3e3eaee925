export type { SotkanetIndicator, SotkanetRegion } from './answers.js';
export { fetchSotkanet, type SotkanetFetch, type SotkanetFetchOptions } from './fetch.js';
export { areaOfRegion, regionIndex } from './regions.js';
export { sotkanetAnswersFromFiles } from './replay.js';
export { dataRequest, indicatorRequest, regionsRequest, sotkanetBaseUrl, sotkanetSource } from './service.js';
export { defaultYearsPerRequest, splitQuery } from './split.js';
export { importReferenceValues, referenceValuesCsv, storeIndicatorTitles } from './store-values.js';
