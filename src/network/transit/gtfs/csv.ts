import { reason } from '../../../importers/index.js';
import type { RejectReason } from '../../../model/index.js';

/** One record of a GTFS text file with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvTable {
  /** Column names, trimmed, the byte-order mark dropped. */
  header: string[];
  records: CsvRecord[];
  /** Records that could not be split into fields (an unclosed quote), or with more fields than the header. */
  malformed: { line: number; reason: RejectReason }[];
}

/**
 * Reads a GTFS file (RFC 4180 as the reference asks: comma-separated, optional double quotes with
 * doubled quotes inside, CRLF or LF, UTF-8 with or without a byte-order mark). Blank lines are skipped.
 * A record with fewer fields than the header is kept: its missing trailing fields read as empty, as many
 * published feeds leave off optional trailing values; a record with more is malformed.
 */
export const parseGtfsCsv = (text: string): CsvTable => {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const malformed: CsvTable['malformed'] = [];
  let header: string[] | undefined;
  let line = 1;
  let i = 0;
  const length = source.length;
  while (i < length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let broken = false;
    let ended = false;
    while (i < length && !ended) {
      const c = source.charCodeAt(i);
      if (quoted) {
        if (c === 34) {
          if (source.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === 10) line++;
          field += source[i];
          i++;
        }
        continue;
      }
      if (c === 44) {
        fields.push(field);
        field = '';
        i++;
      } else if (c === 10 || c === 13) {
        i += c === 13 && source.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        ended = true;
      } else if (c === 34 && field.trim() === '') {
        quoted = true;
        field = '';
        i++;
      } else {
        if (c === 34) broken = true;
        field += source[i];
        i++;
      }
    }
    if (quoted) broken = true;
    fields.push(field);
    if (fields.length === 1 && fields[0]?.trim() === '' && !broken) continue;
    if (!header) {
      header = fields.map((name) => name.trim());
      continue;
    }
    if (broken) malformed.push({ line: startLine, reason: reason('unclosedQuote') });
    else if (fields.length > header.length)
      malformed.push({
        line: startLine,
        reason: reason('tooManyColumns', { expected: header.length, found: fields.length }),
      });
    else records.push({ line: startLine, fields });
  }
  return { header: header ?? [], records, malformed };
};
