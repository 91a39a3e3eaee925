import {
  findIdentityCodes,
  identityCodeShape,
  isPersonalIdentityCode,
  type RejectReason,
} from '../model/index.js';
import { reason } from './reasons.js';

/**
 * The code's shape as it looks when UTF-8 bytes are read as Latin-1 (one character per byte): the
 * hyphen-like signs outside ASCII become two or three characters. Lets the fast CSV path scan its
 * raw chunks without decoding them.
 */
const utf8ShapeAsLatin1 =
  /(?<![0-9A-Za-z])\d{6}(?:[-+YXWVUABCDEF]|\xC2\xAD|\xE2\x80[\x90-\x95]|\xE2\x88\x92|\xEF\xB9[\xA2\xA3]|\xEF\xBC[\x8B\x8D])\d{3}[0-9A-Y](?![0-9A-Za-z])/gi;

/**
 * A record's text that its header fields do not show as it is: a JSON member outside the headers
 * (column: its name) or a value nested inside a listed member (column: that header's index).
 */
export interface UnlistedText {
  column: string | number;
  text: string;
}

/** Every key and every leaf value of a JSON value, at any depth, as text. */
export const jsonTexts = (value: unknown, into: string[] = []): string[] => {
  if (value === null || value === undefined) return into;
  if (Array.isArray(value)) for (const item of value) jsonTexts(item, into);
  else if (typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      into.push(key);
      jsonTexts(member, into);
    }
  } else into.push(String(value));
  return into;
};

/**
 * The texts of a JSON object that its header fields do not show as they are: members outside the
 * headers (with their key) and values nested in objects or arrays.
 */
export const unlistedJsonTexts = (
  object: Record<string, unknown>,
  headers: readonly string[],
): UnlistedText[] => {
  const texts: UnlistedText[] = [];
  for (const [key, value] of Object.entries(object)) {
    const index = headers.indexOf(key);
    if (index >= 0 && (value === null || typeof value !== 'object')) continue;
    const column = index >= 0 ? index : key;
    if (index < 0) texts.push({ column, text: key });
    for (const text of jsonTexts(value)) texts.push({ column, text });
  }
  return texts;
};

/** A column named by an identity code is never echoed either. */
const safeName = (name: string): string =>
  findIdentityCodes(name).length > 0 ? '(a column named by an identity code)' : name;

/**
 * Counts personal identity codes per column. Codes are never kept: only the column index and a
 * count leave this module, so that a refusal can name the column without echoing any code.
 */
export class IdentityCodeGuard {
  readonly countsByColumn = new Map<number, number>();
  /** Codes in texts outside the header fields, by the name of the member that holds them. */
  readonly countsByName = new Map<string, number>();

  get found(): boolean {
    return this.countsByColumn.size > 0 || this.countsByName.size > 0;
  }

  /** Cheap test over a whole chunk of text, so that clean files pay for one regular-expression scan. */
  static mayContain(text: string): boolean {
    return IdentityCodeGuard.holdsCode(text);
  }

  /** The same test over UTF-8 bytes viewed as Latin-1, as the fast CSV path reads them. */
  static mayContainUtf8AsLatin1(text: string): boolean {
    for (const m of text.matchAll(utf8ShapeAsLatin1))
      if (isPersonalIdentityCode(Buffer.from(m[0], 'latin1').toString('utf8'))) return true;
    return false;
  }

  private static holdsCode(value: string): boolean {
    for (const m of value.matchAll(identityCodeShape)) if (isPersonalIdentityCode(m[0])) return true;
    return false;
  }

  /** Counts each column of one record that holds a code once, whether in its field or nested deeper. */
  checkFields(fields: readonly string[], unlisted: readonly UnlistedText[] = []): void {
    const hits = new Set<string | number>();
    // Eleven characters is the shortest a code can be; free text of any length is searched.
    fields.forEach((value, column) => {
      if (value.length >= 11 && IdentityCodeGuard.holdsCode(value)) hits.add(column);
    });
    for (const { column, text } of unlisted)
      if (!hits.has(column) && text.length >= 11 && IdentityCodeGuard.holdsCode(text)) hits.add(column);
    for (const column of hits) {
      if (typeof column === 'number')
        this.countsByColumn.set(column, (this.countsByColumn.get(column) ?? 0) + 1);
      else this.countsByName.set(column, (this.countsByName.get(column) ?? 0) + 1);
    }
  }

  /** The refusal: which columns, how many values; never a value. */
  describe(headers: readonly string[]): RejectReason {
    const counts = new Map<string, number>();
    for (const [column, count] of [...this.countsByColumn.entries()].sort(([a], [b]) => a - b)) {
      const name = safeName(headers[column] ?? `#${column + 1}`);
      counts.set(name, (counts.get(name) ?? 0) + count);
    }
    for (const [column, count] of this.countsByName) {
      const name = column === '' ? '(a record that is not valid JSON)' : safeName(column);
      counts.set(name, (counts.get(name) ?? 0) + count);
    }
    const parts = [...counts.entries()].map(([name, count]) => `"${name}" (${count})`);
    return reason('identityCodes', { columns: parts.join(', ') });
  }
}
