import type { RejectedRow, RejectsPage } from '../model/index.js';
import { findImport } from './queries.js';
import type { SqlParams, Store } from './store.js';

/** A stored reject's reason code and parameters; rows stored before codes existed keep their words. */
export const storedReasonCode = `coalesce(reason_code, 'legacyText')`;
export const storedReasonParams = `coalesce(reason_params, json_object('text', reason)::VARCHAR)`;

/** One page of an import's rejected rows in file order, or undefined when there is no such import. */
export const rejectsOf = async (
  store: Store,
  importId: number,
  { limit, offset }: { limit: number; offset: number },
): Promise<RejectsPage | undefined> => {
  if (!(await findImport(store, importId))) return undefined;
  const [counted] = await store.all<{ total: number }>(
    'SELECT count(*) AS total FROM rejects WHERE import_id = $id',
    { id: importId },
  );
  const rows = await store.all<Omit<RejectedRow, 'params'> & { params: string }>(
    `SELECT line, column_name AS "column", value, reason, ${storedReasonCode} AS code,
      ${storedReasonParams} AS params
    FROM rejects WHERE import_id = $id
    ORDER BY line, rowid LIMIT $limit OFFSET $offset`,
    { id: importId, limit, offset },
  );
  return {
    importId,
    total: counted?.total ?? 0,
    limit,
    offset,
    rows: rows.map((row) => ({ ...row, params: JSON.parse(row.params) })),
  };
};

/**
 * A text a spreadsheet could take for a formula (it starts with =, +, -, @, a tab or a carriage
 * return, as OWASP's advice on CSV injection lists) gets a leading apostrophe, so it is shown as
 * text and never run. A number such as -5 is prefixed too: the report shows values as given.
 */
const neutralisedSql = (expression: string): string =>
  String.raw`CASE WHEN regexp_matches(${expression}, '^[=+\-@\t\r]') THEN '''' || ${expression} ELSE ${expression} END`;

/**
 * A CSV field, neutralised (above), then quoted, with quotes doubled, when it holds the separator, a
 * quote, a line break or leading or trailing space (which spreadsheet programs would drop); empty for
 * null (RFC 4180).
 */
const csvFieldSql = (text: string): string => {
  const expression = neutralisedSql(text);
  return String.raw`CASE
  WHEN ${text} IS NULL THEN ''
  WHEN regexp_matches(${expression}, '[;"\r\n]|^\s|\s$') THEN '"' || replace(${expression}, '"', '""') || '"'
  ELSE ${expression} END`;
};

const byteOrderMark = '\uFEFF';
const lineBreak = '\r\n';

/**
 * Rejected rows as the CSV a Finnish spreadsheet opens directly: UTF-8 with a byte-order mark,
 * semicolons, CRLF lines, header rivi;sarake;arvo;syy (line, column, value, reason). The database
 * builds the lines. `rows` is a table or subquery with line, column_name, value and the columns
 * `reason` (SQL over a row giving the reason's words, by default its `reason` column) reads.
 */
export const formatRejectsCsv = async (
  store: Store,
  rows: string,
  options: { params?: SqlParams; reason?: string } = {},
): Promise<string> => {
  const [result] = await store.all<{ body: string | null }>(
    `SELECT string_agg(
      line::VARCHAR || ';' || ${csvFieldSql('column_name')} || ';' || ${csvFieldSql('value')} || ';'
        || ${csvFieldSql(options.reason ?? 'reason')},
      chr(13) || chr(10) ORDER BY line, rowid) AS body
    FROM ${rows}`,
    options.params,
  );
  const body = result?.body ? `${result.body}${lineBreak}` : '';
  return `${byteOrderMark}rivi;sarake;arvo;syy${lineBreak}${body}`;
};

/**
 * An import's reject report (see formatRejectsCsv), or undefined when there is no such import.
 * `reason` turns the stored code and parameters (columns `code` and `params`) into words.
 */
export const rejectsCsv = async (
  store: Store,
  importId: number,
  reason?: (code: string, params: string) => string,
): Promise<string | undefined> => {
  if (!(await findImport(store, importId))) return undefined;
  return formatRejectsCsv(store, '(SELECT *, rowid FROM rejects WHERE import_id = $id)', {
    params: { id: importId },
    reason: reason?.(storedReasonCode, storedReasonParams),
  });
};
