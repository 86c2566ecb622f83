import { startTestPostgres, TEST_POSTGRES_URL, type TestPostgres } from '@helhed/api/testing/postgres';

/**
 * vitest global setup: on PostgreSQL runs (HELHED_TEST_DATABASE=postgres) one throw-away cluster
 * serves the whole run; each server gets its own database on it.
 */
let cluster: TestPostgres | null = null;

export async function setup(): Promise<void> {
  if (process.env.HELHED_TEST_DATABASE !== 'postgres') return;
  cluster = await startTestPostgres();
  process.env[TEST_POSTGRES_URL] = cluster.url;
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
