import { z } from 'zod';
import { AuditCsv, AuditFilter, AuditPage } from '../../model/index.js';
import { formatAuditCsv, readAuditLog } from '../../state/index.js';
import { PageLimitParameter, PageOffsetParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

const filterDescription =
  'Filters: user (a subject, optionally with issuer), from (inclusive) and to (exclusive) as a UTC time or a day, action (any part of it, in any case) and outcome.';

export const auditRoute = defineRoute({
  path: '/api/audit',
  summary: 'One page of the audit log, the newest first, with how many entries match',
  description: filterDescription,
  tag: 'audit',
  permission: 'viewAudit',
  query: z.strictObject({
    ...AuditFilter.shape,
    limit: PageLimitParameter,
    offset: PageOffsetParameter,
  }),
  response: AuditPage,
  handler: ({ state, query: { limit, offset, ...filter } }) => readAuditLog(state, filter, { limit, offset }),
});

/** Enough for a year of a county's requests in one download; more is asked for a page at a time. */
const mostCsvRows = 100_000;

export const auditCsvRoute = defineRoute({
  path: '/api/audit.csv',
  summary: 'The audit log as a CSV download, the newest first',
  description: `${filterDescription} Semicolon-separated, UTF-8 with a byte-order mark, as the other CSV downloads; at most ${mostCsvRows} rows, from offset.`,
  tag: 'audit',
  permission: 'viewAudit',
  query: z.strictObject({ ...AuditFilter.shape, offset: PageOffsetParameter }),
  response: AuditCsv,
  mediaType: 'text/csv',
  download: () => 'lokitiedot.csv',
  handler: async ({ state, query: { offset, ...filter } }) =>
    formatAuditCsv((await readAuditLog(state, filter, { limit: mostCsvRows, offset })).rows),
});
