import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary UTF-8 CSV that DuckDB reads in parallel: each record prefixed with the line it came
 * from. Writes are buffered into large strings, as many small writes cost more than the parse.
 */
export class StagingFile {
  private buffer: string[] = [];
  private bufferedLength = 0;
  rows = 0;

  private constructor(
    readonly dir: string,
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(): Promise<StagingFile> {
    const dir = await mkdtemp(join(tmpdir(), 'soteatlas-import-'));
    const path = join(dir, 'staging.csv');
    return new StagingFile(dir, path, await open(path, 'w'));
  }

  add(record: string): void {
    this.buffer.push(record);
    this.bufferedLength += record.length;
    this.rows++;
  }

  /** Bytes already in staging form (see LineTagger), holding `rows` records. */
  async writeBytes(bytes: Buffer, rows: number): Promise<void> {
    await this.flush();
    if (bytes.length > 0) await this.handle.write(bytes);
    this.rows += rows;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.buffer.push('');
    await this.handle.write(this.buffer.join('\n'));
    this.buffer = [];
    this.bufferedLength = 0;
  }

  get shouldFlush(): boolean {
    return this.bufferedLength > 8 << 20;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }

  async remove(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
