import type { AuditRecord } from '../../model/index.js';

const byteOrderMark = '\uFEFF';
const lineBreak = '\r\n';

/**
 * A field as a spreadsheet opens it safely: one that would start a formula (= + - @, a tab or a
 * carriage return) is prefixed with an apostrophe, and one holding the separator, a quote, a line
 * break or leading or trailing space is quoted, its quotes doubled (RFC 4180).
 */
const csvField = (value: string | number | undefined): string => {
  if (value === undefined) return '';
  const text = String(value);
  const neutralised = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]|^\s|\s$/.test(neutralised) ? `"${neutralised.replaceAll('"', '""')}"` : neutralised;
};

/** The header, in Finnish as the other CSV the app writes: number, time, issuer, user, roles, … */
const header = [
  'nro',
  'aika',
  'myöntäjä',
  'käyttäjä',
  'roolit',
  'alueet',
  'tuottaja',
  'toiminto',
  'kohde',
  'parametrit',
  'rivejä',
  'suojattuja',
  'tulos',
  'tila',
  'pyyntö',
  'osoite',
];

const fieldsOf = (record: AuditRecord): (string | number | undefined)[] => [
  record.seq,
  record.time,
  record.user?.issuer,
  record.user?.subject,
  record.roles.join(','),
  record.scope.areas?.join(','),
  record.scope.producerCode,
  record.action,
  record.resource,
  JSON.stringify(record.parameters),
  record.rowsReturned,
  record.cellsSuppressed,
  record.outcome,
  record.status,
  record.requestId,
  record.sourceAddress,
];

/**
 * Audit entries as the CSV a Finnish spreadsheet opens directly, like the import rejects: UTF-8 with a
 * byte-order mark, semicolons, CRLF lines. Parameters are one JSON field.
 */
export const formatAuditCsv = (records: readonly AuditRecord[]): string =>
  byteOrderMark +
  [header, ...records.map(fieldsOf)].map((fields) => fields.map(csvField).join(';') + lineBreak).join('');
