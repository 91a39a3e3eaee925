import type { z } from 'zod';
import type { FetchedSource, ReferenceValue } from '../../model/index.js';
import {
  answerText,
  type Fetcher,
  type SourceAnswer,
  SourceRefused,
  type SourceRequest,
} from '../fetcher.js';
import { SotkanetData, SotkanetIndicator, SotkanetRegions } from './answers.js';
import { regionIndex } from './regions.js';
import {
  dataRequest,
  indicatorRequest,
  regionsRequest,
  type SotkanetGender,
  sotkanetBaseUrl,
  sotkanetSource,
} from './service.js';
import { splitQuery } from './split.js';

export interface SotkanetFetchOptions {
  indicators: readonly number[];
  /** Years asked; by default the last `recentYears` years of each indicator's range in its metadata. */
  years?: readonly number[];
  recentYears?: number;
  /** Ask each indicator's metadata first (its titles, and its years when none are given); on by default. */
  withMetadata?: boolean;
  genders?: readonly SotkanetGender[];
  yearsPerRequest?: number;
  baseUrl?: string;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface SotkanetFetch {
  values: ReferenceValue[];
  indicators: SotkanetIndicator[];
  requests: number;
  /** Rows for regions outside the county hierarchy (hospital districts, ERVA …) or another gender, left out. */
  otherRegionRows: number;
  /** Rows for which Sotkanet gave neither a value nor a mark, left out. */
  rowsWithoutValue: number;
  fetchedSource: FetchedSource;
}

/** Reads an answer as JSON of the expected shape; an error status or anything else is the service's refusal. */
const read = async <T>(
  fetcher: Fetcher,
  request: SourceRequest,
  schema: z.ZodType<T>,
): Promise<{ body: T; answer: SourceAnswer }> => {
  const answer = await fetcher.fetch(request);
  const text = answerText(answer);
  if (answer.status >= 400) throw new SourceRefused(request.url, answer.status, text.slice(0, 500));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SourceRefused(request.url, answer.status, `not JSON: ${text.slice(0, 200)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new SourceRefused(
      request.url,
      answer.status,
      `not a Sotkanet answer: ${parsed.error.issues[0]?.message}`,
    );
  return { body: parsed.data, answer };
};

const numberOf = (v: number | string | null | undefined): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d+([.,]\d+)?$/.test(v.trim())) return Number(v.trim().replace(',', '.'));
  return undefined;
};

/** The years asked of each indicator: those given, else the last few its metadata says it has. */
const yearsByIndicator = (indicators: readonly SotkanetIndicator[], options: SotkanetFetchOptions) =>
  indicators.flatMap((indicator) => {
    const end = indicator.range?.end;
    const start = indicator.range?.start ?? end;
    const recent = options.recentYears ?? 5;
    const years =
      options.years ??
      (end === undefined || start === undefined
        ? []
        : Array.from({ length: Math.min(recent, end - start + 1) }, (_, i) => end - i));
    return splitQuery([indicator.id], years, options.yearsPerRequest);
  });

const checkCancel = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw signal.reason ?? new DOMException('cancelled', 'AbortError');
};

/**
 * Fetches indicators' metadata, the regions and the values by region, year and gender, and gives them
 * as reference values coded as Statistics Finland codes areas. Nothing is stored here.
 */
export const fetchSotkanet = async (
  fetcher: Fetcher,
  options: SotkanetFetchOptions,
): Promise<SotkanetFetch> => {
  const base = options.baseUrl ?? sotkanetBaseUrl;
  const genders = options.genders ?? ['total', 'male', 'female'];
  const indicators: SotkanetIndicator[] = [];
  let fetchedAt = '';
  const seen = (answer: SourceAnswer) => {
    if (answer.fetchedAt > fetchedAt) fetchedAt = answer.fetchedAt;
  };
  for (const id of options.withMetadata === false ? [] : options.indicators) {
    checkCancel(options.signal);
    const { body, answer } = await read(fetcher, indicatorRequest(id, base), SotkanetIndicator);
    seen(answer);
    indicators.push(body);
  }
  const regions = await read(fetcher, regionsRequest(base), SotkanetRegions);
  seen(regions.answer);
  const areas = regionIndex(regions.body);

  const queries =
    options.withMetadata === false
      ? splitQuery(options.indicators, options.years ?? [], options.yearsPerRequest)
      : yearsByIndicator(indicators, options);
  const titleOf = new Map(indicators.map((i) => [i.id, i.title.fi?.trim()]));
  const values: ReferenceValue[] = [];
  let otherRegionRows = 0;
  let rowsWithoutValue = 0;
  options.onProgress?.({ done: 0, total: queries.length });
  for (const [i, query] of queries.entries()) {
    checkCancel(options.signal);
    const { body, answer } = await read(
      fetcher,
      dataRequest(query.indicator, query.years, genders, base),
      SotkanetData,
    );
    seen(answer);
    for (const row of body) {
      const area = areas.get(row.region);
      const sex =
        row.gender === 'total' || row.gender === 'male' || row.gender === 'female' ? row.gender : undefined;
      if (!area || !sex) {
        otherRegionRows++;
        continue;
      }
      const value = numberOf(row.value);
      const mark =
        value === undefined && row.value !== undefined && row.value !== null ? String(row.value).trim() : '';
      if (value === undefined && !mark) {
        rowsWithoutValue++;
        continue;
      }
      const absoluteValue = numberOf(row.absValue);
      const title = titleOf.get(row.indicator);
      values.push({
        referenceSource: sotkanetSource.source,
        indicatorId: String(row.indicator),
        ...(title ? { indicatorTitle: title } : {}),
        areaLevel: area.areaLevel,
        areaCode: area.areaCode,
        year: row.year,
        sex,
        ...(value !== undefined ? { value } : {}),
        ...(absoluteValue !== undefined ? { absoluteValue } : {}),
        ...(mark ? { mark } : {}),
      });
    }
    options.onProgress?.({ done: i + 1, total: queries.length });
  }
  return {
    values,
    indicators,
    requests: indicators.length + 1 + queries.length,
    otherRegionRows,
    rowsWithoutValue,
    fetchedSource: {
      source: sotkanetSource.source,
      url: base,
      licence: sotkanetSource.licence,
      attribution: sotkanetSource.attribution,
      fetchedAt: fetchedAt || new Date().toISOString(),
    },
  };
};
