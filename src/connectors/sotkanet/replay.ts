import { readFile } from 'node:fs/promises';
import type { Fetcher, SourceAnswer, SourceRequest } from '../fetcher.js';
import { SourceUnreachable } from '../fetcher.js';

/**
 * Answers saved from sotkanet.fi, replayed for `--from-file`: each file is one answer as the service
 * gave it (an indicator's metadata, the regions, or data), recognised by its shape. A data request is
 * answered by the file holding that indicator, with the years and genders asked, as the service would.
 */
export const sotkanetAnswersFromFiles = async (files: readonly string[]): Promise<Fetcher> => {
  const metadata = new Map<number, unknown>();
  let regions: unknown;
  const data: Record<string, unknown>[][] = [];
  for (const file of files) {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (Array.isArray(json) && json.some((r) => r && typeof r === 'object' && 'category' in r))
      regions = json;
    else if (Array.isArray(json)) data.push(json as Record<string, unknown>[]);
    else if (json && typeof json === 'object' && 'id' in json) metadata.set(Number(json.id), json);
    else throw new Error(`${file} is not an answer of Sotkanet's REST API`);
  }
  const answer = (request: SourceRequest, body: unknown): SourceAnswer => ({
    url: request.url,
    status: 200,
    body: new TextEncoder().encode(JSON.stringify(body)),
    contentType: 'application/json',
    fetchedAt: new Date().toISOString(),
    fromCache: true,
  });
  return {
    fetch: async (request) => {
      const url = new URL(request.url);
      const indicator = /\/indicators\/(\d+)$/.exec(url.pathname)?.[1];
      if (indicator) {
        const found = metadata.get(Number(indicator));
        if (found !== undefined) return answer(request, found);
      } else if (url.pathname.endsWith('/regions') && regions !== undefined) {
        return answer(request, regions);
      } else if (url.pathname.endsWith('/json')) {
        const id = Number(url.searchParams.get('indicator'));
        const years = new Set(url.searchParams.getAll('years').map(Number));
        const genders = new Set(url.searchParams.getAll('genders'));
        const holding = data.filter((rows) => rows.some((r) => r.indicator === id));
        if (holding.length > 0)
          return answer(
            request,
            holding
              .flat()
              .filter(
                (r) => r.indicator === id && years.has(Number(r.year)) && genders.has(String(r.gender)),
              ),
          );
      }
      throw new SourceUnreachable(request.url, 'no saved answer given for this request (--from-file)');
    },
  };
};
