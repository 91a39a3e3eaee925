/** One CSV record and the line of the file it starts on (1-based). */
export interface TextRecord {
  line: number;
  text: string;
}

/**
 * Cuts a stream of decoded text into CSV records. A record ends at a line break outside quotes,
 * so a quoted field may hold line breaks; empty lines are skipped and counted. Feed it chunks of
 * any size: the result does not depend on where the chunks were cut.
 */
export class RecordSplitter {
  private pending = '';
  private pendingLine = 1;
  private nextLine = 1;
  emptyLines = 0;

  push(chunk: string, emit: (record: TextRecord) => void): void {
    let text = this.pending + chunk;
    let start = 0;
    let line = this.pending === '' ? this.nextLine : this.pendingLine;
    let recordLine = line;
    let searchFrom = 0;
    this.pending = '';
    for (;;) {
      const newline = text.indexOf('\n', searchFrom);
      if (newline < 0) break;
      line++;
      let end = newline;
      if (text.charCodeAt(end - 1) === 13 && end > start) end--;
      const candidate = text.slice(start, end);
      // An odd number of quotes means a quoted field runs on past this line break.
      if (candidate.includes('"') && countQuotes(candidate) % 2 === 1 && candidate.length < maxRecordLength) {
        searchFrom = newline + 1;
        continue;
      }
      this.emitRecord(candidate, recordLine, emit);
      start = newline + 1;
      searchFrom = start;
      recordLine = line;
    }
    this.pending = text.slice(start);
    this.pendingLine = recordLine;
    this.nextLine = line;
    text = '';
  }

  /** Emits what remains after the last line break; call once at the end of the stream. */
  end(emit: (record: TextRecord) => void): void {
    const rest = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    if (rest !== '') this.emitRecord(rest, this.pendingLine, emit);
    this.pending = '';
  }

  private emitRecord(text: string, line: number, emit: (record: TextRecord) => void): void {
    if (text.trim() === '') this.emptyLines++;
    else emit({ line, text });
  }
}

/** An unterminated quote would otherwise swallow the rest of the file; past this the record is cut and rejected. */
const maxRecordLength = 1_000_000;

const countQuotes = (text: string): number => {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count;
};
