import type { ReasonLanguage, RejectReason, RejectReasonCode, RejectReasonParams } from '../model/index.js';
import { en } from './reason-texts/en.js';
import { fi } from './reason-texts/fi.js';
import { sv } from './reason-texts/sv.js';
import type { ReasonTexts } from './reason-texts/texts.js';

export const reasonTexts: Record<ReasonLanguage, ReasonTexts> = { fi, sv, en };

/** A reason from its code and parameters; the one way importers say why a row or file was not taken. */
export const reason = (code: RejectReasonCode, params: RejectReasonParams = {}): RejectReason => ({
  code,
  params,
});

const placeholder = /\{(\w+)\}/g;

/** The reason in words, in the given language. */
export const reasonText = (language: ReasonLanguage, { code, params }: RejectReason): string =>
  reasonTexts[language][code].replace(placeholder, (_, name: string) => String(params[name] ?? ''));

/** Thrown by readers and detection when the file as a whole cannot be imported; the import is refused. */
export class FileRefused extends Error {
  constructor(readonly reason: RejectReason) {
    super(reasonText('en', reason));
    this.name = 'FileRefused';
  }
}

const sqlLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * SQL giving the words of a reason stored as a code and a JSON text of parameters, so that DuckDB
 * writes a reject report of millions of rows in the reader's language without the rows passing
 * through JavaScript. An unknown code (from a newer version) is shown as it is.
 */
export const reasonTextSql = (language: ReasonLanguage, code: string, params: string): string => {
  const texts = reasonTexts[language];
  const words = (template: string): string => {
    const parts: string[] = [];
    let at = 0;
    for (const m of template.matchAll(placeholder)) {
      if (m.index > at) parts.push(sqlLiteral(template.slice(at, m.index)));
      parts.push(`coalesce(json_extract_string(${params}, ${sqlLiteral(`$.${m[1]}`)}), '')`);
      at = m.index + m[0].length;
    }
    if (at < template.length || parts.length === 0) parts.push(sqlLiteral(template.slice(at)));
    return parts.join(' || ');
  };
  const cases = Object.entries(texts).map(([c, t]) => `WHEN ${sqlLiteral(c)} THEN ${words(t)}`);
  return `(CASE ${code} ${cases.join(' ')} ELSE ${code} END)`;
};

/** A reason's parameters as the JSON text the store keeps. */
export const paramsJson = (params: RejectReasonParams): string => JSON.stringify(params);
