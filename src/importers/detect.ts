/** How a delimited text file is written, as far as can be told from its first bytes. */
export type TextEncoding = 'utf-8' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';

export interface TextDialect {
  encoding: TextEncoding;
  bom: boolean;
  delimiter: Delimiter;
}

const utf8Bom = [0xef, 0xbb, 0xbf];

export const hasUtf8Bom = (bytes: Uint8Array): boolean => utf8Bom.every((b, i) => bytes[i] === b);

/**
 * UTF-8 when the sample decodes as UTF-8 (a truncated character at the very end is allowed),
 * otherwise Windows-1252, the other encoding Finnish systems write. Windows-1252 text with ä or ö
 * is never valid UTF-8, so the test does not mistake one for the other.
 */
export const detectEncoding = (sample: Uint8Array): TextEncoding => {
  let end = sample.length;
  // Step back over a multi-byte character cut by the sample's end.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
};

export const delimiterCandidates: Delimiter[] = [';', '\t', ','];

/** Delimiters outside quoted fields: a line's field count less one. */
export const countOutsideQuotes = (line: string, delimiter: string): number => {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
};

/**
 * The delimiter that splits the header and the next lines into the same number of fields, at
 * least two. Semicolon wins ties because Finnish files use it with decimal commas.
 */
export const detectDelimiter = (lines: string[]): Delimiter => {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 20);
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const delimiter of delimiterCandidates) {
    const counts = sample.map((l) => countOutsideQuotes(l, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
};

/** Comma when numbers in the sample are written 1,5 rather than 1.5. */
export const detectDecimalSeparator = (values: string[]): ',' | '.' => {
  let comma = 0;
  let point = 0;
  for (const v of values) {
    if (/^-?\d+,\d+$/.test(v.trim())) comma++;
    else if (/^-?\d+\.\d+$/.test(v.trim())) point++;
  }
  return comma > point ? ',' : '.';
};
