import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Stores that many test files start from (the browser tests' demo county) are built once per run.
    globalSetup: ['src/store/shared-store.fixture.ts'],
  },
});
