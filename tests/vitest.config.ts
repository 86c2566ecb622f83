import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'test-output/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file starts its own server and browser; two cores run them one at a time.
    fileParallelism: false,
    // Starts PostgreSQL for runs against it (HELHED_TEST_DATABASE=postgres); a no-op otherwise.
    globalSetup: ['./support/postgres-setup.ts'],
  },
});
