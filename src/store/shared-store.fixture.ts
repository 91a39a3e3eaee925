import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';

/**
 * The folder of the test run's shared stores, made by `setup` below and removed when the run ends.
 * Without it (a benchmark, a script) nothing is shared.
 */
const sharedStoresVariable = 'SOTEATLAS_TEST_SHARED_STORES';

/**
 * The test run's global setup (vitest.config.ts). It only makes a folder: a store is built there when a
 * test file first asks for it, so a run without such test files pays nothing. Test workers inherit the
 * variable; a rerun in watch mode starts from an empty folder, as the sources may have changed.
 */
export const setup = (project: TestProject): (() => void) | undefined => {
  // Every project of the run shares the first one's folder.
  if (process.env[sharedStoresVariable]) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'soteatlas-shared-stores-'));
  process.env[sharedStoresVariable] = root;
  project.onTestsRerun(() => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
  });
  return () => {
    rmSync(root, { recursive: true, force: true });
    delete process.env[sharedStoresVariable];
  };
};

/**
 * Puts at `copyTo` a store file that `build` writes (and closes) at the path it is given. In a test run,
 * `build` runs once for each `name`, in whichever test file asks first, and every test file gets its own
 * copy of the result: building a demo county takes seconds of CPU, copying its file milliseconds. Test
 * files running at the same time wait for the one that builds. The same `name` must mean the same build.
 * `build` may write other files beside the store: its folder is removed once the store is built.
 */
export const copySharedStore = async (
  name: string,
  build: (storePath: string) => Promise<void>,
  copyTo: string,
): Promise<void> => {
  const root = process.env[sharedStoresVariable];
  if (!root) return build(copyTo);
  const built = join(root, `${name}.duckdb`);
  const failed = join(root, `${name}.failed`);
  if (!existsSync(built)) {
    let mine = true;
    try {
      // The lock stays for the rest of the run: whoever made it builds, everyone else waits.
      mkdirSync(join(root, `${name}.lock`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      mine = false;
    }
    if (mine) {
      const scratch = join(root, `${name}.building`);
      try {
        mkdirSync(scratch);
        const path = join(scratch, 'store.duckdb');
        await build(path);
        // A store closed cleanly has checkpointed its log into the file: the file is the whole store.
        if (existsSync(`${path}.wal`)) throw new Error(`the shared store ${name} was left open`);
        renameSync(path, built);
      } catch (error) {
        writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
        throw error;
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    } else {
      while (!existsSync(built)) {
        if (existsSync(failed))
          throw new Error(`the shared store ${name} failed to build:\n${readFileSync(failed, 'utf8')}`);
        await sleep(100);
      }
    }
  }
  copyFileSync(built, copyTo);
};
