import { afterAll, beforeAll } from 'vitest';
import { startTestApi } from '../testing/harness.js';
import { hostileInputSuite } from '../testing/hostile-input-suite.js';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.js';

/**
 * Hostile input to every mutation, on PostgreSQL: the suite of hostile-input.test.ts against a
 * throw-away cluster, each API on a fresh database. Without the postgresql package it stops with
 * the command to install it, as db/postgres.test.ts does.
 *
 * Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx vitest run <this file>.
 */
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

// 30 runs per property instead of SQLite's 80: every attack snapshots the database twice over
// the network, and the generators are the same; FC_RUNS=80 runs the full count here too.
hostileInputSuite({
  database: 'PostgreSQL',
  start: (env) => startTestApi(env, { postgres: server.url }),
  runs: 30,
});
