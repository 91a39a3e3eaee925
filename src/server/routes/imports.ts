import { z } from 'zod';
import { reasonText, reasonTextSql } from '../../importers/index.js';
import { ImportList, RejectsCsv, RejectsPage } from '../../model/index.js';
import { listImports, rejectsCsv, rejectsOf } from '../../store/index.js';
import {
  ImportIdParameter,
  PageLimitParameter,
  PageOffsetParameter,
  ReasonLanguageParameter,
} from '../parameters.js';
import { defineRoute } from '../route.js';

const importParams = z.strictObject({ id: ImportIdParameter });
const unknownImport = ({ id }: { id: number }) => `There is no import with id ${id}.`;

export const importsRoute = defineRoute({
  path: '/api/imports',
  summary: 'Every import with its counts, the newest first',
  tag: 'imports',
  permission: 'import',
  response: ImportList,
  handler: ({ store }) => listImports(store),
});

export const rejectsRoute = defineRoute({
  path: '/api/imports/:id/rejects',
  summary: "One page of an import's rejected rows, in file order",
  tag: 'imports',
  permission: 'import',
  params: importParams,
  query: z.strictObject({
    limit: PageLimitParameter,
    offset: PageOffsetParameter,
    lang: ReasonLanguageParameter,
  }),
  response: RejectsPage,
  notFound: unknownImport,
  handler: async ({ store, params, query }) => {
    const page = await rejectsOf(store, params.id, query);
    return (
      page && { ...page, rows: page.rows.map((row) => ({ ...row, reason: reasonText(query.lang, row) })) }
    );
  },
});

export const rejectsCsvRoute = defineRoute({
  path: '/api/imports/:id/rejects.csv',
  summary: "An import's rejected rows as a CSV download (rivi;sarake;arvo;syy)",
  description:
    'Semicolon-separated, UTF-8 with a byte-order mark, so that a spreadsheet opens it directly; reasons in the language asked for.',
  tag: 'imports',
  permission: 'import',
  params: importParams,
  query: z.strictObject({ lang: ReasonLanguageParameter }),
  response: RejectsCsv,
  mediaType: 'text/csv',
  download: ({ id }) => `hylatyt-rivit-${id}.csv`,
  notFound: unknownImport,
  handler: ({ store, params, query }) =>
    rejectsCsv(store, params.id, (code, reasonParams) => reasonTextSql(query.lang, code, reasonParams)),
});
