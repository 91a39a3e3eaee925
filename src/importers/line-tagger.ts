const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/**
 * Turns a UTF-8 CSV byte stream into staging bytes, each record prefixed with the line it starts on:
 * `12;…record…\n`. It works on bytes, not strings, because this is the one loop that runs for every
 * row of a large file. Records keep their quoting; a quoted field may span lines; empty lines are
 * skipped and counted; the first records (the header and title lines above it) are dropped.
 */
export class LineTagger {
  private carry: Buffer = Buffer.alloc(0);
  private line = 1;
  rows = 0;
  emptyLines = 0;

  /** `skipRecords`: the header and any title lines above it, dropped before the first row. */
  constructor(
    private readonly delimiter: number,
    private skipRecords = 1,
  ) {}

  /** Tags the complete records in `chunk` (plus what was left over) and keeps the unfinished rest. */
  push(chunk: Buffer, onRecord?: (line: number, record: Buffer) => void): Buffer {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // The next quote ahead, found once and passed by, so the search stays linear in the chunk.
    let nextQuote = data.indexOf(QUOTE);
    let out: Buffer = Buffer.allocUnsafe(data.length + (data.length >> 2) + 64);
    let o = 0;
    let start = 0;
    let search = 0;
    let recordLine = this.line;
    let quotes = 0;
    for (;;) {
      const newline = data.indexOf(LF, search);
      if (newline < 0) break;
      this.line++;
      if (nextQuote >= 0 || quotes > 0) {
        for (; nextQuote >= 0 && nextQuote < newline; nextQuote = data.indexOf(QUOTE, nextQuote + 1))
          quotes++;
        // An odd count means a quoted field runs on past this line break.
        if (quotes % 2 === 1 && newline - start < 1_000_000) {
          search = newline + 1;
          continue;
        }
      }
      let end = newline;
      if (end > start && data[end - 1] === CR) end--;
      if (isBlank(data, start, end)) this.emptyLines++;
      else if (this.skipRecords > 0) this.skipRecords--;
      else {
        if (out.length - o < end - start + 24) out = grow(out, o, end - start + 24);
        o += writeDigits(out, o, recordLine);
        out[o++] = this.delimiter;
        o += data.copy(out, o, start, end);
        out[o++] = LF;
        this.rows++;
        onRecord?.(recordLine, data.subarray(start, end));
      }
      start = newline + 1;
      search = start;
      recordLine = this.line;
      quotes = 0;
    }
    this.carry = Buffer.from(data.subarray(start));
    this.line = recordLine;
    return out.subarray(0, o);
  }

  /** Tags what remains after the last line break. */
  end(onRecord?: (line: number, record: Buffer) => void): Buffer {
    if (this.carry.length === 0) return Buffer.alloc(0);
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return this.push(Buffer.concat([rest, Buffer.from([LF])]), onRecord);
  }
}

const isBlank = (data: Buffer, start: number, end: number): boolean => {
  if (end - start > 64) return false;
  for (let i = start; i < end; i++) if (data[i] !== SPACE && data[i] !== TAB && data[i] !== CR) return false;
  return true;
};

const grow = (out: Buffer, used: number, needed: number): Buffer => {
  const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, used + needed));
  out.copy(bigger, 0, 0, used);
  return bigger;
};

const writeDigits = (out: Buffer, at: number, value: number): number => {
  let digits = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
  for (let i = digits - 1, v = value; i >= 0; i--, v = Math.floor(v / 10)) out[at + i] = 48 + (v % 10);
  return digits;
};
