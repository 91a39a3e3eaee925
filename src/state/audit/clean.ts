import { type AuditEntry, printable } from '../../model/index.js';
import type { ChainedRow } from './chain.js';

/**
 * Words that mark a parameter as a secret, wherever they stand in its name (clientKey, csrf_token,
 * X-Api-Key): such values are left out of the log, not masked, so that not even their length shows.
 */
const secretWords = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'key',
  'apikey',
  'nonce',
  'verifier',
  'cookie',
  'csrf',
  'authorization',
  'credential',
  'credentials',
  'assertion',
]);

const wordsOf = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * Whether a parameter's value must not be logged. "code" alone (or an auth code) is the sign-in's
 * authorisation code; areaCode, unitCode and the like name what was looked at and are kept.
 */
export const isSecretName = (name: string): boolean => {
  const words = wordsOf(name);
  if (words.some((word) => secretWords.has(word))) return true;
  return words.includes('code') && (words.length === 1 || words.includes('auth'));
};

const longestText = 200;
const mostItems = 50;
const deepest = 4;

const cleanText = (text: string, longest = longestText): string =>
  printable(text.length > longest ? `${text.slice(0, longest)}…` : text);

/**
 * Parameters as the log keeps them: secrets left out, text escaped and shortened, and big or deep
 * values cut, so that a scenario's hundred units do not fill the log (the resource names the thing).
 */
export const cleanParameters = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= deepest) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, mostItems).map((item) => cleanParameters(item, depth + 1));
    return value.length > mostItems ? [...items, `… ${value.length - mostItems} more`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (!isSecretName(name) && item !== undefined) out[cleanText(name)] = cleanParameters(item, depth + 1);
  }
  return out;
};

/** An entry as the columns of its row, every text escaped; the chain fields come from the log. */
export const cleanEntry = (entry: AuditEntry): Omit<ChainedRow, 'county' | 'seq' | 'occurredAt'> => ({
  userIssuer: entry.user ? cleanText(entry.user.issuer) : null,
  userSubject: entry.user ? cleanText(entry.user.subject) : null,
  roles: JSON.stringify(entry.roles),
  scope: JSON.stringify({
    ...(entry.scope.areas && { areas: entry.scope.areas.map((area) => cleanText(area)) }),
    ...(entry.scope.producerCode !== undefined && { producerCode: cleanText(entry.scope.producerCode) }),
  }),
  action: cleanText(entry.action),
  resource: cleanText(entry.resource, 1000),
  parameters: JSON.stringify(cleanParameters(entry.parameters)),
  rowsReturned: entry.rowsReturned ?? null,
  cellsSuppressed: entry.cellsSuppressed ?? null,
  outcome: entry.outcome,
  status: entry.status ?? null,
  requestId: cleanText(entry.requestId),
  sourceAddress: cleanText(entry.sourceAddress),
});
