import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { beyondLatin1, encodeWindows1252 } from '../model/index.js';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface TextSinkOptions {
  encoding: TextEncoding;
  /** Write a UTF-8 byte-order mark first, as Excel does when it saves "CSV UTF-8". */
  bom?: boolean;
  /** Bytes gathered before a chunk goes to the file; large chunks keep writes cheap. */
  chunkBytes?: number;
}

/**
 * A text file written in large chunks. `write` encodes straight into a chunk buffer, so a hot loop
 * can call it per row without building big strings; a full chunk goes to the file without waiting.
 * The caller awaits `waitForRoom` now and then, which is where the disk holds generation back and
 * memory stays bounded.
 */
export class TextSink {
  private chunk: Buffer;
  private used = 0;
  private failure: Error | undefined;

  private constructor(
    private readonly stream: WriteStream,
    private readonly encoding: TextEncoding,
    private readonly chunkBytes: number,
  ) {
    this.chunk = Buffer.allocUnsafe(chunkBytes);
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  static open(path: string, options: TextSinkOptions): TextSink {
    const chunkBytes = options.chunkBytes ?? 1 << 21;
    const sink = new TextSink(
      createWriteStream(path, { highWaterMark: 2 * chunkBytes }),
      options.encoding,
      chunkBytes,
    );
    if (options.bom) {
      if (options.encoding !== 'utf-8') throw new Error('a byte-order mark only belongs in UTF-8');
      sink.write('\ufeff');
    }
    return sink;
  }

  write(text: string): void {
    // Three bytes per UTF-16 unit is UTF-8's worst case, so the text always fits once there is room.
    const room = text.length * 3;
    if (this.used + room > this.chunkBytes) this.handOver();
    if (room > this.chunkBytes) {
      this.stream.write(this.encode(text));
      return;
    }
    if (this.encoding === 'utf-8') {
      this.used += this.chunk.write(text, this.used, 'utf8');
    } else if (beyondLatin1.test(text)) {
      const bytes = encodeWindows1252(text);
      bytes.copy(this.chunk, this.used);
      this.used += bytes.length;
    } else {
      this.used += this.chunk.write(text, this.used, 'latin1');
    }
  }

  /** True while the file has more queued than it can take: time to `waitForRoom`. */
  get backedUp(): boolean {
    return this.stream.writableNeedDrain;
  }

  async waitForRoom(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.handOver();
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }

  /** Stops writing without finishing the file, e.g. when generation is aborted. */
  destroy(): void {
    this.used = 0;
    this.stream.destroy();
  }

  private encode(text: string): Buffer {
    return this.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encodeWindows1252(text);
  }

  private handOver(): void {
    if (this.used === 0) return;
    // The stream keeps the buffer until it is written, so the next chunk needs a buffer of its own.
    this.stream.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(this.chunkBytes);
    this.used = 0;
  }
}

/** Writes a whole small file through a sink: for files that are built in one piece. */
export const writeTextFile = async (path: string, text: string, options: TextSinkOptions): Promise<void> => {
  const sink = TextSink.open(path, options);
  sink.write(text);
  await sink.close();
};
