import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { importFile } from './import-file.js';
import { eventHeader, eventRow, seededStore } from './testing.js';

const child = fileURLToPath(new URL('./kill-child.ts', import.meta.url));

/** Starts an import in another process and SIGKILLs it as soon as it reports `phase`. */
const killDuring = (phase: string, dbPath: string, file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes(`PHASE ${phase}`)) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (data: Buffer) => {
      output += data.toString();
    });
    proc.on('error', reject);
    proc.on('exit', () => resolve(output));
  });

const counts = async (dbPath: string) => {
  const store = await openStore(dbPath);
  const [row] = await store.all<{ events: number; imports: number; rejects: number }>(
    'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM imports) AS imports, (SELECT count(*) FROM rejects) AS rejects',
  );
  store.close();
  return row;
};

describe('an import killed mid-way (SIGKILL)', () => {
  it.each(['reading', 'validating', 'writing'])(
    'leaves the store exactly as before or after, killed while %s',
    async (phase) => {
      const { store, dir } = await seededStore('kill.duckdb');
      const dbPath = join(dir, 'kill.duckdb');
      const small = join(dir, 'small.csv');
      writeFileSync(small, `${[eventHeader, eventRow('S1'), eventRow('S2', { age: 'x' })].join('\n')}\n`);
      await importFile(store, { file: small, kind: 'events' });
      store.close();
      const before = await counts(dbPath);

      const big = join(dir, 'big.csv');
      const rows = 300_000;
      const lines = [eventHeader];
      for (let i = 0; i < rows; i++) lines.push(eventRow(`B${i}`, i % 1000 === 0 ? { age: '130' } : {}));
      writeFileSync(big, `${lines.join('\n')}\n`);

      const output = await killDuring(phase, dbPath, big);
      expect(output).toContain(`PHASE ${phase}`);
      const after = await counts(dbPath);
      if (output.includes('DONE') || after?.events !== before?.events) {
        // The kill came after the commit: then every row of the import is there, and its record.
        expect(phase).toBe('writing');
        expect(after).toEqual({
          events: (before?.events ?? 0) + rows - rows / 1000,
          imports: (before?.imports ?? 0) + 1,
          rejects: (before?.rejects ?? 0) + rows / 1000,
        });
      } else {
        expect(after).toEqual(before);
      }
    },
  );
});
