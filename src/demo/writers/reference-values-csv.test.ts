import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../importers/index.js';
import { seededStore, writeText } from '../../importers/testing.js';
import type { Store } from '../../store/index.js';
import { referenceValuesCsv } from './reference-values-csv.js';

let open: Store[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

describe('demo reference values', () => {
  it('imports whole, marked as demo, for the 22 organisers, the demo county and every municipality', async () => {
    const { store, dir } = await seededStore();
    open.push(store);
    const { text, rows } = referenceValuesCsv(1);
    expect(text.split('\n')[1]).toMatch(/^thl-sotkanet-demo;186;[^;]*DEMO/);
    const file = writeText(dir, 'reference-values-demo.csv', text.trimEnd().split('\n'));
    const summary = await importFile(store, { file, kind: 'referenceValues' });
    expect(summary).toMatchObject({ rowsRead: rows, rowsAccepted: rows, rowsRejected: 0 });
    const [counts] = await store.all<{ counties: number; sources: string[] }>(
      `SELECT count(DISTINCT area_code) FILTER (WHERE area_level = 'county')::INTEGER AS counties,
         list(DISTINCT reference_source) AS sources FROM reference_values`,
    );
    expect(counts).toEqual({ counties: 23, sources: ['thl-sotkanet-demo'] });
  });
});
