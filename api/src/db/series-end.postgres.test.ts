import { afterAll, beforeAll } from 'vitest';
import { startTestApi } from '../testing/harness.js';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.js';
import { seriesEndSuite } from '../testing/series-end-suite.js';

/** The same checks as series-end.test.ts, on a throw-away PostgreSQL cluster. */
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

seriesEndSuite('PostgreSQL', () => startTestApi({}, { postgres: server.url }));
