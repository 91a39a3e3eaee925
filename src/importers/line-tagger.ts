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
  /**
   * Lines of records whose quoting DuckDB would read differently from us (a quote inside an
   * unquoted field, an unclosed quote, a bare carriage return): rejected here, never staged.
   */
  malformedLines: number[] = [];

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
    let nextCr = data.indexOf(CR);
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
      else if (
        (quotes > 0 || crWithin(nextCr, start, end)) &&
        !wellFormed(data, start, end, this.delimiter)
      ) {
        this.malformedLines.push(recordLine);
        this.rows++;
        onRecord?.(recordLine, data.subarray(start, end));
      } else {
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
      if (nextCr >= 0 && nextCr < start) nextCr = data.indexOf(CR, start);
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
    const tagged = this.push(Buffer.concat([rest, Buffer.from([LF])]), onRecord);
    // A quote never closed holds the rest of the file: one malformed record, not a lost one.
    if (this.carry.length > 0) {
      const record = this.carry.subarray(0, this.carry.length - 1);
      this.carry = Buffer.alloc(0);
      if (this.skipRecords > 0) this.skipRecords--;
      else {
        this.malformedLines.push(this.line);
        this.rows++;
        onRecord?.(this.line, record);
      }
    }
    return tagged;
  }

  /** The malformed lines found since the last call. */
  takeMalformedLines(): number[] {
    const lines = this.malformedLines;
    this.malformedLines = [];
    return lines;
  }
}

const crWithin = (at: number, start: number, end: number): boolean => at >= start && at < end;

/** Whether every field is either unquoted without quotes or carriage returns, or quoted and closed properly. */
// Positional on purpose: run on every record that holds a quote or a carriage return, where an options object would allocate on every call.
const wellFormed = (data: Buffer, start: number, end: number, delimiter: number): boolean => {
  let i = start;
  for (;;) {
    if (i < end && data[i] === QUOTE) {
      for (i++; ; i++) {
        if (i >= end) return false;
        if (data[i] !== QUOTE) continue;
        if (i + 1 < end && data[i + 1] === QUOTE) i++;
        else break;
      }
      i++;
      if (i === end) return true;
      if (data[i] !== delimiter) return false;
      i++;
    } else {
      for (; i < end && data[i] !== delimiter; i++) if (data[i] === QUOTE || data[i] === CR) return false;
      if (i >= end) return true;
      i++;
    }
  }
};

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
