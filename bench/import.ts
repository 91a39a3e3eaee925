/**
 * Import throughput: writes N service events as a semicolon CSV with decimal commas, imports them
 * with `importFile`, and in the same run times DuckDB's own read_csv loading the same file into a
 * plain table. Usage: tsx bench/import.ts [--rows 10000000] [--file events.csv (kept, reused if present)]
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFile } from '../src/importers/index.js';
import { eventHeader, seededStore } from '../src/importers/testing.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('import');
const rows = numberFlag('rows', flags.rows, 10_000_000);
const dir = mkdtempSync(join(tmpdir(), 'soteatlas-bench-'));
const file = flags.file ?? join(dir, 'events.csv');

const writeEvents = async (): Promise<void> => {
  const out = createWriteStream(file);
  const classes = [
    ['HC', 'U1', 'OWN'],
    ['OH', 'U1', 'OWN'],
    ['HMC', 'U2', 'P1'],
  ] as const;
  const channels = ['vastaanotto', 'etä', 'digi'];
  let chunk: string[] = [eventHeader];
  for (let i = 0; i < rows; i++) {
    const [klass, unit, producer] = classes[i % 3] ?? classes[0];
    const day = 1 + (i % 28);
    const month = 1 + ((i >> 5) % 12);
    chunk.push(
      `E${i};2024-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day};${i % 2 ? '901' : '902'};;${i % 101};${1 + (i % 2)};${klass};${unit};${producer};${channels[i % 3]};käynti;1;${40 + (i % 90)},${i % 100};${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}c0ffee`,
    );
    if (chunk.length === 100_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  out.write(chunk.length ? `${chunk.join('\n')}\n` : '');
  await new Promise<void>((r) => out.end(() => r()));
};

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
};

if (!existsSync(file)) {
  console.log(`writing ${rows.toLocaleString('en')} events …`);
  await writeEvents();
}
const megabytes = statSync(file).size / 1e6;

const bareDb = join(dir, 'bare.duckdb');
const instance = await DuckDBInstance.create(bareDb);
const connection = await instance.connect();
const [, bareSeconds] = await time(() =>
  connection.run(
    `CREATE TABLE events AS SELECT * FROM read_csv('${file}', delim = ';', header = true, decimal_separator = ',')`,
  ),
);
connection.closeSync();
instance.closeSync();

const { store } = await seededStore('bench.duckdb');
const [summary, oursSeconds] = await time(() => importFile(store, { file, kind: 'events' }));
store.close();

const rate = (seconds: number) => Math.round(rows / seconds).toLocaleString('en');
console.log('');
console.log(
  `file: ${megabytes.toFixed(0)} MB, ${rows.toLocaleString('en')} rows; accepted ${summary.rowsAccepted}, rejected ${summary.rowsRejected}`,
);
console.log('| loader                                   | seconds | rows/s     |');
console.log('|------------------------------------------|--------:|-----------:|');
console.log(
  `| soteatlas import (validated, one txn)    | ${oursSeconds.toFixed(2).padStart(7)} | ${rate(oursSeconds).padStart(10)} |`,
);
console.log(
  `| DuckDB read_csv into a plain table       | ${bareSeconds.toFixed(2).padStart(7)} | ${rate(bareSeconds).padStart(10)} |`,
);
console.log(
  `ratio ours / DuckDB: ${(oursSeconds / bareSeconds).toFixed(2)} (goal ≤ 1.5); goal ≥ 1 000 000 rows/s`,
);
rmSync(dir, { recursive: true, force: true });
