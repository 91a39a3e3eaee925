import type { SourceRequest } from '../fetcher.js';

export const sotkanetBaseUrl = 'https://sotkanet.fi/rest/1.1';

/** What is recorded with every import from Sotkanet. */
export const sotkanetSource = {
  source: 'thl-sotkanet',
  licence: 'CC BY 4.0',
  attribution: 'Source: THL, Sotkanet.fi, CC BY 4.0',
} as const;

export type SotkanetGender = 'total' | 'male' | 'female';

export const indicatorRequest = (id: number, base = sotkanetBaseUrl): SourceRequest => ({
  url: `${base}/indicators/${id}`,
  accept: 'application/json',
});

export const regionsRequest = (base = sotkanetBaseUrl): SourceRequest => ({
  url: `${base}/regions`,
  accept: 'application/json',
});

/** The data endpoint repeats `years` and `genders` for each value asked. */
export const dataRequest = (
  indicator: number,
  years: readonly number[],
  genders: readonly SotkanetGender[],
  base = sotkanetBaseUrl,
): SourceRequest => {
  const query = [
    `indicator=${indicator}`,
    ...years.map((y) => `years=${y}`),
    ...genders.map((g) => `genders=${g}`),
  ].join('&');
  return { url: `${base}/json?${query}`, accept: 'application/json' };
};
