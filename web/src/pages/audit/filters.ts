import { AuditOutcome } from '../../../../src/model/index.js';
import { apiPath } from '../../api/endpoints.js';

/** The audit page's filters as the reader typed them; they live in the page's URL. */
export interface AuditFilters {
  user: string;
  /** A day as written by the reader: 5.12.2026, 5/12/2026 or 2026-12-05. */
  from: string;
  to: string;
  action: string;
  outcome: AuditOutcome | '';
}

export const pageSize = 50;

const filterNames = ['user', 'from', 'to', 'action', 'outcome'] as const;

export const filtersOf = (params: URLSearchParams): AuditFilters => {
  const outcome = AuditOutcome.safeParse(params.get('outcome'));
  return {
    user: params.get('user') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    action: params.get('action') ?? '',
    outcome: outcome.success ? outcome.data : '',
  };
};

/** The filters for the URL: empty ones left out. */
export const paramsOf = (filters: AuditFilters): Record<string, string | undefined> =>
  Object.fromEntries(filterNames.map((name) => [name, filters[name].trim() || undefined]));

/**
 * A day as Finns write it (day first: 5.12.2026, also 5/12/2026) or as ISO 2026-12-05, read as that
 * day's local midnight; undefined when it is no real date.
 */
export const parseDay = (text: string): Date | undefined => {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const finnish = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : finnish
      ? [finnish[3], finnish[2], finnish[1]]
      : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  // new Date rolls 31.2. over into March; such a day was mistyped, not meant.
  return date.getDate() === Number(day) && date.getMonth() === Number(month) - 1 ? date : undefined;
};

/** Which of the typed days cannot be read, so that the form can say so instead of guessing. */
export const badDays = (filters: AuditFilters): ('from' | 'to')[] =>
  (['from', 'to'] as const).filter((name) => filters[name].trim() !== '' && !parseDay(filters[name]));

/**
 * The API's query: days become instants in UTC, `from` at the start of its day and `to` at the end of
 * its day (the start of the next), so that "to 5.12." includes all of the fifth in the reader's time.
 */
export const auditQuery = (
  filters: AuditFilters,
  page?: { limit: number; offset: number },
): Record<string, string | number | undefined> => {
  const from = parseDay(filters.from);
  const to = parseDay(filters.to);
  if (to) to.setDate(to.getDate() + 1);
  return {
    user: filters.user.trim() || undefined,
    from: from?.toISOString(),
    to: to?.toISOString(),
    action: filters.action.trim() || undefined,
    outcome: filters.outcome || undefined,
    ...(page && { limit: page.limit, offset: page.offset }),
  };
};

export const auditPath = (filters: AuditFilters, page: { limit: number; offset: number }): string =>
  apiPath('/api/audit', auditQuery(filters, page));

/** The CSV export of every row the filters match, not only the page shown. */
export const auditCsvPath = (filters: AuditFilters): string => apiPath('/api/audit.csv', auditQuery(filters));
