import { afterAll, beforeAll } from 'vitest';
import { startTestApi } from '../testing/harness.js';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.js';
import { invitationSuite } from './invitations.suite.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

invitationSuite('PostgreSQL', (now) => startTestApi({}, { postgres: server.url, now }));
