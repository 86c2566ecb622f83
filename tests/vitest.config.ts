import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'test-output/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A poll waits for a real browser, server and database on a shared 2-core machine: vitest's
    // 1 s default failed a caseload's first load under CI load. A poll that succeeds returns at
    // once, so the longer bound costs nothing when the answer is there.
    expect: { poll: { timeout: 10_000 } },
    // Each file starts its own server and browser; two cores run them one at a time.
    fileParallelism: false,
    // Starts PostgreSQL for runs against it (HELHED_TEST_DATABASE=postgres); a no-op otherwise.
    globalSetup: ['./support/postgres-setup.ts'],
  },
});
