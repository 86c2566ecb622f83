import { afterAll, beforeAll } from 'vitest';
import { derivedSuite } from '../testing/derived-suite.js';
import { startTestApi } from '../testing/harness.js';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.js';

/** The same checks as derived.test.ts, on a throw-away PostgreSQL cluster. */
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

derivedSuite('PostgreSQL', () => startTestApi({}, { postgres: server.url }));
