import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesToImport, generateDemoCounty, roadsToImport } from '../../src/demo/index.js';
import { importOfficialProjectionFile } from '../../src/forecast/index.js';
import { importFiles } from '../../src/importers/index.js';
import type { DemoUser } from '../../src/model/index.js';
import { importRoads } from '../../src/network/index.js';
import { onFreePort, signInAccess, startDemoProvider, startServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { copySharedStore } from '../../src/store/testing.js';

export interface TestCounty {
  /** Where the real server serves the built app and the API. */
  url: string;
  /** The demo identity provider's users, one per role and one per demo producer. */
  demoUsers: readonly DemoUser[];
  /** Screenshots go here, under the repository's (ignored) test-results folder, to be looked at. */
  screenshotDir: string;
  /** The served store, for a test that must put something in it the demo lacks. */
  store: Store;
  close(): Promise<void>;
}

// A developer can point the tests at an app built elsewhere (`vite build --outDir …`).
const webRoot =
  process.env.SOTEATLAS_E2E_WEB_ROOT ?? fileURLToPath(new URL('../../dist/web', import.meta.url));
const screenshotRoot = fileURLToPath(new URL('../../test-results/e2e', import.meta.url));

/**
 * A small demo county (about 20 000 residents, one year of events) generated into a temporary folder and
 * imported into a store the way a county's files would be.
 */
const buildTestCounty = async (storePath: string): Promise<void> => {
  const filesDir = join(dirname(storePath), 'files');
  const demo = await generateDemoCounty({ outDir: filesDir, seed: 2023, population: 20_000, years: 1 });
  const store = await openStore(storePath);
  try {
    await importFiles(store, filesToImport(demo, filesDir));
    // The same road network as `soteatlas demo`, so the Network page is tried on road travel times.
    // Only the car profile's hierarchy is ever used here: built on the first matrix (about a second)
    // rather than every profile's at import (about ten).
    const roads = roadsToImport(demo, filesDir);
    if (roads) await importRoads(store, roads, { name: 'demo', hierarchies: false });
    if (demo.officialProjection) {
      await importOfficialProjectionFile(store, join(filesDir, demo.officialProjection.path));
    }
  } finally {
    store.close();
  }
};

/**
 * The small demo county of `buildTestCounty` in a fresh store of the test file's own, served by the real
 * server on a free port, with the demo's identity provider to sign in at. Browser tests talk to nothing
 * else. The county is built once per test run and each test file starts from a copy of its store.
 */
export const startTestCounty = async (): Promise<TestCounty> => {
  const dir = await mkdtemp(join(tmpdir(), 'soteatlas-e2e-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  let store: Store | undefined;
  try {
    const storePath = join(dir, 'soteatlas.duckdb');
    await copySharedStore('browser-test-county', buildTestCounty, storePath);
    store = await openStore(storePath);
    // Signing in goes through the demo's own OpenID provider, as `soteatlas demo` does: it must know the
    // app's address before the app starts.
    const opening = store;
    const { provider, server } = await onFreePort(async (port) => {
      const provider = await startDemoProvider(`http://localhost:${port}`);
      const server = await startServer({
        store: opening,
        port,
        webRoot,
        authenticator: signInAccess(provider.settings, { demoUsers: provider.users }),
      }).catch(async (error: unknown) => {
        await provider.close();
        throw error;
      });
      return { provider, server };
    });
    await mkdir(screenshotRoot, { recursive: true });
    const opened = store;
    return {
      url: server.url,
      demoUsers: provider.users,
      screenshotDir: screenshotRoot,
      store: opened,
      async close() {
        await server.close();
        await provider.close();
        opened.close();
        await removeDir();
      },
    };
  } catch (error) {
    // A county that failed half-way leaves no store open and no files behind.
    store?.close();
    await removeDir();
    throw error;
  }
};
