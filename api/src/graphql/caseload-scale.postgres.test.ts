import { afterAll, beforeAll } from 'vitest';
import { caseloadScaleSuite, clock } from '../testing/caseload-scale-suite.js';
import { startTestApi } from '../testing/harness.js';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.js';

/** The same caseload suite as caseload-scale.test.ts, on a throw-away PostgreSQL cluster. */
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

caseloadScaleSuite('PostgreSQL', () => startTestApi({}, { now: () => clock.now, postgres: server.url }));
