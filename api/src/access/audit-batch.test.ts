import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase } from '../db/client.js';
import { auditBatchSuite } from './audit-batch.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'helhed-audit-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

auditBatchSuite('SQLite', async () => openDatabase(join(dir, 'audit.sqlite')));
