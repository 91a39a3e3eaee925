import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filesToImport, generateDemoCounty, roadsToImport } from '../../src/demo/index.js';
import { importFiles } from '../../src/importers/index.js';
import { importRoads } from '../../src/network/index.js';
import { openStore } from '../../src/store/index.js';

/**
 * The demo county's store in `dir`: generated and imported (with its road network, so that scenario
 * evaluations run on road travel times) unless the folder already holds one from an earlier run.
 */
export const demoCountyStore = async (dir: string, population: number): Promise<string> => {
  const storePath = join(dir, 'soteatlas.duckdb');
  if (existsSync(storePath)) return storePath;
  const started = performance.now();
  const filesDir = join(dir, 'files');
  const demo = await generateDemoCounty({ outDir: filesDir, seed: 2023, population, years: 2 });
  const store = await openStore(storePath);
  try {
    await importFiles(store, filesToImport(demo, filesDir));
    const roads = roadsToImport(demo, filesDir);
    if (roads) await importRoads(store, roads, { name: 'demo', hierarchies: false });
  } finally {
    store.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `demo county of ${population.toLocaleString('en')} residents imported into ${dir} in ${seconds} s`,
  );
  return storePath;
};
