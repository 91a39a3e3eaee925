import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Test files that take long mostly waiting (on a browser, on processes they spawn): they start first, so
 * that the quick files fill the gaps beside them rather than leave one long file running alone at the end.
 */
const slowFirst = [/^web\/e2e\//, /^src\/reports\/report-pack\./, /^src\/cli\//, /^src\/server\/fuzz\./];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (file: TestSpecification) =>
      slowFirst.some((pattern) => pattern.test(relative(file.project.config.root, file.moduleId)));
    return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
    // Guards against a hang, not measures of speed: on a busy machine with a worker more than there are
    // cores, a test that spawns the command line or a browser can wait long for its turn.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // expect.poll waits for a page or a server to reach a state; vitest's own 1 s is a guess about speed,
    // and a loaded machine misses it. As the test timeout, this guards against a hang only.
    expect: { poll: { timeout: 60_000 } },
    pool: 'forks',
    // A worker keeps the modules it has loaded from one test file to the next, instead of loading the
    // server, the store and the engines again for each: a fifth of the suite's CPU went to that. Test
    // files share no state through modules (no mocks, no globals; the two that set an environment
    // variable remove it), and each opens its own stores and servers.
    isolate: false,
    // Most test files spend their time waiting on a browser, a server or a child process, so a worker
    // more than there are cores keeps the cores busy (vitest's default is one fewer than the cores).
    maxWorkers: Number(process.env.SOTEATLAS_TEST_WORKERS) || availableParallelism() + 1,
    sequence: { sequencer: SlowFirst },
    // Stores that many test files start from (the browser tests' demo county) are built once per run.
    globalSetup: ['src/store/shared-store.fixture.ts'],
    reporters: ['default', './vitest.unfinished-reporter.ts'],
  },
});
