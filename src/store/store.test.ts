import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store.js';

describe('openStore', () => {
  it('creates the schema and seeds the service-class catalogue once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'test.duckdb');
    const store = await openStore(path);
    const [first] = await store.all<{ n: number }>('SELECT count(*) AS n FROM service_classes');
    store.close();
    const reopened = await openStore(path);
    const [second] = await reopened.all<{ n: number }>('SELECT count(*) AS n FROM service_classes');
    const versions = await reopened.all('SELECT * FROM schema_version');
    reopened.close();
    expect(first?.n).toBeGreaterThanOrEqual(14);
    expect(second?.n).toBe(first?.n);
    expect(versions).toHaveLength(1);
  });

  it('rolls a failed transaction back completely', async () => {
    const store = await openStore(':memory:');
    await expect(
      store.transaction(async () => {
        await store.run(`INSERT INTO producers VALUES ('P1', 'Test', 'own', NULL, 1, 1)`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await store.all('SELECT * FROM producers');
    store.close();
    expect(rows).toEqual([]);
  });
});
