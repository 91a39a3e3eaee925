import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Parts of about this size: big enough for DuckDB's parallel reader, small enough to overlap with reading. */
export const defaultPartBytes = 96 << 20;

/**
 * Temporary UTF-8 CSV parts that DuckDB reads in parallel, each record prefixed with the line it
 * came from. A finished part is handed to `onPart` at once, so it can be loaded while the next part
 * is written. Text records are buffered into large strings, as many small writes cost more than the parse.
 */
export class StagingFile {
  private buffer: string[] = [];
  private bufferedLength = 0;
  private handle: FileHandle | undefined;
  private partIndex = 0;
  private partLength = 0;
  private partRows = 0;
  rows = 0;

  private constructor(
    readonly dir: string,
    private readonly onPart: (path: string) => void,
    private readonly partBytes: number,
  ) {}

  static async create(onPart: (path: string) => void, partBytes = defaultPartBytes): Promise<StagingFile> {
    return new StagingFile(await mkdtemp(join(tmpdir(), 'soteatlas-import-')), onPart, partBytes);
  }

  add(record: string): void {
    this.buffer.push(record);
    this.bufferedLength += record.length;
    this.rows++;
    this.partRows++;
  }

  /** Bytes already in staging form (see LineTagger), holding `rows` records. */
  async writeBytes(bytes: Buffer, rows: number): Promise<void> {
    await this.flush();
    await this.write(bytes);
    this.rows += rows;
    this.partRows += rows;
    if (this.partLength >= this.partBytes) await this.endPart();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.buffer.push('');
    const text = this.buffer.join('\n');
    this.buffer = [];
    this.bufferedLength = 0;
    await this.write(text);
    if (this.partLength >= this.partBytes) await this.endPart();
  }

  get shouldFlush(): boolean {
    return this.bufferedLength > 8 << 20;
  }

  /** Writes what is buffered and hands over the last part. */
  async close(): Promise<void> {
    await this.flush();
    await this.endPart();
  }

  async remove(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await rm(this.dir, { recursive: true, force: true });
  }

  private get partPath(): string {
    return join(this.dir, `part-${this.partIndex}.csv`);
  }

  private async write(data: string | Buffer): Promise<void> {
    if (data.length === 0) return;
    this.handle ??= await open(this.partPath, 'w');
    if (typeof data === 'string') await this.handle.write(data);
    else await this.handle.write(data);
    this.partLength += data.length;
  }

  private async endPart(): Promise<void> {
    if (!this.handle) return;
    await this.handle.close();
    this.handle = undefined;
    if (this.partRows > 0) this.onPart(this.partPath);
    this.partIndex++;
    this.partLength = 0;
    this.partRows = 0;
  }
}
