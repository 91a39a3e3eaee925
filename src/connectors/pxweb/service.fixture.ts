import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Fetcher, SourceRefused, type SourceRequest, SourceUnreachable } from '../fetcher.js';
import type { PxQuery } from './api.js';
import type { JsonStatDataset } from './jsonstat-merge.js';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const readFixture = (name: string): unknown => JSON.parse(readFileSync(fixture(name), 'utf8'));

const codesOf = (dataset: JsonStatDataset, id: string): string[] => {
  const index = dataset.dimension[id]?.category.index ?? {};
  return Array.isArray(index)
    ? index
    : Object.entries(index)
        .sort(([, a], [, b]) => a - b)
        .map(([code]) => code);
};

/** The part of a whole answer a query asks for, as the service would cut it. */
export const sliceAnswer = (whole: JsonStatDataset, query: PxQuery): JsonStatDataset => {
  const wanted = whole.id.map((id) => {
    const asked = query.query.find((q) => q.code === id)?.selection.values;
    return asked ? codesOf(whole, id).filter((code) => asked.includes(code)) : codesOf(whole, id);
  });
  const size = wanted.map((w) => w.length);
  const value: (number | null)[] = [];
  const digits = new Array<number>(size.length).fill(0);
  const total = size.reduce((a, b) => a * b, 1);
  for (let i = 0; i < total; i++) {
    let rest = i;
    for (let d = size.length - 1; d >= 0; d--) {
      digits[d] = rest % (size[d] ?? 1);
      rest = Math.floor(rest / (size[d] ?? 1));
    }
    let at = 0;
    let stride = 1;
    for (let d = size.length - 1; d >= 0; d--) {
      const id = whole.id[d] ?? '';
      const all = codesOf(whole, id);
      at += all.indexOf(wanted[d]?.[digits[d] ?? 0] ?? '') * stride;
      stride *= whole.size[d] ?? 1;
    }
    const v = Array.isArray(whole.value) ? whole.value[at] : whole.value[String(at)];
    value.push(v ?? null);
  }
  const dimension = Object.fromEntries(
    whole.id.map((id, d) => {
      const dim = whole.dimension[id] ?? { category: {} };
      const labels = dim.category.label ?? {};
      const codes = wanted[d] ?? [];
      return [
        id,
        {
          ...dim,
          category: {
            ...dim.category,
            index: Object.fromEntries(codes.map((c, i) => [c, i])),
            label: Object.fromEntries(codes.map((c) => [c, labels[c] ?? c])),
          },
        },
      ];
    }),
  );
  return { ...whole, size, dimension, value };
};

/**
 * A PxWeb service replayed from recorded answers: GETs (listing, metadata) from their files, each
 * table query answered with the part of a recorded whole answer it asks for.
 */
export const replayedService = (options: {
  root: string;
  gets: Record<string, string>;
  table: string;
  whole: string;
  refuseQueries?: { status: number; text: string };
}): Fetcher & { queries: PxQuery[] } => {
  const queries: PxQuery[] = [];
  const whole = readFixture(options.whole) as JsonStatDataset;
  return {
    queries,
    async fetch(request: SourceRequest) {
      const answer = (body: unknown) => ({
        url: request.url,
        status: 200,
        body: new TextEncoder().encode(JSON.stringify(body)),
        contentType: 'application/json',
        fetchedAt: '2026-06-10T08:00:00.000Z',
        fromCache: false,
      });
      const path = request.url.slice(options.root.length + 1);
      if ((request.method ?? 'GET') === 'GET') {
        const name = options.gets[path];
        if (!name)
          throw new SourceUnreachable(request.url, `offline: no recorded answer for GET ${request.url}`);
        return answer(readFixture(name));
      }
      if (path !== options.table) throw new SourceRefused(request.url, 404, 'Not Found');
      if (options.refuseQueries)
        throw new SourceRefused(request.url, options.refuseQueries.status, options.refuseQueries.text);
      queries.push(request.body as PxQuery);
      return answer(sliceAnswer(whole, request.body as PxQuery));
    },
  };
};
