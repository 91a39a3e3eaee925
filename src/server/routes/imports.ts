import { z } from 'zod';
import { ImportList, RejectsCsv, RejectsPage } from '../../model/index.js';
import { listImports, rejectsCsv, rejectsOf } from '../../store/index.js';
import { ImportIdParameter, PageLimitParameter, PageOffsetParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

const importParams = z.strictObject({ id: ImportIdParameter });
const unknownImport = ({ id }: { id: number }) => `There is no import with id ${id}.`;

export const importsRoute = defineRoute({
  path: '/api/imports',
  summary: 'Every import with its counts, the newest first',
  tag: 'imports',
  response: ImportList,
  handler: ({ store }) => listImports(store),
});

export const rejectsRoute = defineRoute({
  path: '/api/imports/:id/rejects',
  summary: "One page of an import's rejected rows, in file order",
  tag: 'imports',
  params: importParams,
  query: z.strictObject({ limit: PageLimitParameter, offset: PageOffsetParameter }),
  response: RejectsPage,
  notFound: unknownImport,
  handler: ({ store, params, query }) => rejectsOf(store, params.id, query),
});

export const rejectsCsvRoute = defineRoute({
  path: '/api/imports/:id/rejects.csv',
  summary: "An import's rejected rows as a CSV download (rivi;sarake;arvo;syy)",
  description: 'Semicolon-separated, UTF-8 with a byte-order mark, so that a spreadsheet opens it directly.',
  tag: 'imports',
  params: importParams,
  response: RejectsCsv,
  mediaType: 'text/csv',
  download: ({ id }) => `hylatyt-rivit-${id}.csv`,
  notFound: unknownImport,
  handler: ({ store, params }) => rejectsCsv(store, params.id),
});
