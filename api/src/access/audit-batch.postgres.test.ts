import { afterAll, beforeAll } from 'vitest';
import { openPostgres } from '../db/client.js';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../testing/postgres.js';
import { auditBatchSuite } from './audit-batch.suite.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

auditBatchSuite('PostgreSQL', async () => openPostgres(await createTestDatabase(server.url, 'audit_batch')));
