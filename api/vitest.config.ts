import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql 16 ships CJS (index.js) and ESM (index.mjs). Node loads the CJS one for graphql-yoga;
  // Vite would pick the ESM one for our sources, and two copies fail `instanceof GraphQLError`.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
