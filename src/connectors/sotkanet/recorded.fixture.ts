import { readFileSync } from 'node:fs';
import type { Fetcher, SourceAnswer, SourceRequest } from '../fetcher.js';
import { SourceUnreachable } from '../fetcher.js';

/** Recorded answers of sotkanet.fi (see fixtures/README.md), served by the address they answered. */
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/**
 * The `/regions` answer: the recorded extract with the county entries and the whole country added in
 * the answer's own shape (fixtures/README.md says where each came from).
 */
export const recordedRegions = (): unknown[] => {
  const [, ...rows] = fixture('counties-ropengov.csv').trim().split('\n');
  const counties = rows.map((line) => {
    const [name, id, , code] = line.split(',');
    return { id: Number(id), code, category: 'HYVINVOINTIALUE', title: { fi: name }, memberOf: [658] };
  });
  const country = { id: 658, code: 'SSS', category: 'MAA', title: { fi: 'Koko maa' }, memberOf: [] };
  return [...(JSON.parse(fixture('regions-extract.json')) as unknown[]), ...counties, country];
};

const base = 'https://sotkanet.fi/rest/1.1';
const recorded: Record<string, () => string> = {
  [`${base}/indicators/186`]: () => fixture('indicator-186.json'),
  [`${base}/indicators/3336`]: () => fixture('indicator-3336.json'),
  [`${base}/regions`]: () => JSON.stringify(recordedRegions()),
  [`${base}/json?indicator=127&years=2023&genders=total`]: () => fixture('data-127-2023.json'),
  [`${base}/json?indicator=127&years=2019&years=2023&genders=total`]: () =>
    fixture('data-127-2019-2023.json'),
  [`${base}/json?indicator=171&years=2019&years=2023&genders=total`]: () =>
    fixture('data-171-2019-2023.json'),
  [`${base}/json?indicator=5513&years=2023&genders=total`]: () => fixture('data-5513-2023.json'),
};

export interface RecordingFetcher extends Fetcher {
  asked: string[];
}

/**
 * Serves the recorded answers; an address not recorded gets the 404 the service gives for an unknown
 * path (the status only: its body was not recorded). Extra answers may be given for one test.
 */
export const recordedSotkanet = (
  extra: Record<string, { status: number; body: string }> = {},
): RecordingFetcher => {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (request: SourceRequest): Promise<SourceAnswer> => {
      asked.push(request.url);
      const own = extra[request.url];
      const body = own?.body ?? recorded[request.url]?.() ?? '';
      return {
        url: request.url,
        status: own?.status ?? (recorded[request.url] ? 200 : 404),
        body: new TextEncoder().encode(body),
        contentType: 'application/json',
        fetchedAt: '2026-06-12T10:00:00.000Z',
        fromCache: true,
      };
    },
  };
};

/** A network that cannot be reached, as on a county laptop without its proxy. */
export const offline: Fetcher = {
  fetch: async (request) => {
    throw new SourceUnreachable(request.url, 'getaddrinfo ENOTFOUND sotkanet.fi');
  },
};
