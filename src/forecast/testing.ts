import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesToImport, generateDemoCounty } from '../demo/index.js';
import { importFiles } from '../importers/index.js';
import { openStore, type Store } from '../store/index.js';
import { importOfficialProjectionFile } from './official.js';

/**
 * A small demo county (3 000 residents, population 2015–2025, one year of events) in memory, with its
 * official-style projection imported: enough history for backtests, small enough for a test file.
 */
export const openForecastTestStore = async (): Promise<Store> => {
  const dir = mkdtempSync(join(tmpdir(), 'soteatlas-forecast-'));
  try {
    const manifest = await generateDemoCounty({ outDir: dir, population: 3000, years: 1 });
    const store = await openStore(':memory:');
    await importFiles(store, filesToImport(manifest, dir));
    if (manifest.officialProjection)
      await importOfficialProjectionFile(store, join(dir, manifest.officialProjection.path));
    return store;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export { finlandHistory } from './real-data.fixture.js';
