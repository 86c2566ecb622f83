import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase, single, sqliteOf } from '../db/client.js';
import { municipality } from '../db/tables.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';

let dir: string;
let db: Db;
let actor: Actor;
let walFlushes = 0;
const synchronous = () => sqliteOf(db).pragma('synchronous', { simple: true });
const FULL = 2;
const auditRows = () =>
  (sqliteOf(db).prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helhed-audit-'));
  db = openDatabase(join(dir, 'audit.sqlite'), {
    flushWal: async (wal) => {
      walFlushes += 1;
      await wal.datasync();
    },
  });
  const m = single(
    await db.insert(municipality).values({ name: 'T', code: 't', createdAt: new Date() }).returning(),
  );
  actor = {
    subject: 'p1',
    role: 'ANALYST',
    municipalityId: m.id,
    departmentId: null,
    departmentIds: [],
    citizenId: null,
    purpose: 'test',
  };
});
afterAll(async () => {
  await db.$close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recordAudit', () => {
  it('writes an access-check event outside a transaction and leaves every later commit durable', async () => {
    expect(synchronous()).toBe(FULL);
    const before = auditRows();
    await recordAudit(db, actor, { citizenId: null, action: 'progressionStatistics', outcome: 'ALLOWED' });
    expect(auditRows()).toBe(before + 1);
    expect(synchronous()).toBe(FULL);
  });

  it('restores durable commits even when the insert fails', async () => {
    const bad = { ...actor, subject: null as unknown as string }; // NOT NULL refuses it
    await expect(
      recordAudit(db, bad, { citizenId: null, action: 'x', outcome: 'ALLOWED' }),
    ).rejects.toThrow();
    expect(synchronous()).toBe(FULL);
  });

  it('never lets a write be answered without its flush while audits skip the fsync', async () => {
    // A write transaction queued behind the relaxed audit is flushed to disk before its answer.
    const flushed = walFlushes;
    await Promise.all([
      recordAudit(db, actor, { citizenId: null, action: 'read', outcome: 'ALLOWED' }),
      db.transaction(async (tx) => {
        await recordAudit(tx, actor, { citizenId: null, action: 'write', outcome: 'ALLOWED' });
      }),
    ]);
    expect(walFlushes).toBe(flushed + 1);
    expect(synchronous()).toBe(FULL);
  });

  it('inside a write transaction commits or rolls back with it', async () => {
    const before = auditRows();
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, actor, { citizenId: null, action: 'write', outcome: 'ALLOWED' });
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect(auditRows()).toBe(before);
    await db.transaction((tx) =>
      recordAudit(tx, actor, { citizenId: null, action: 'write', outcome: 'ALLOWED' }),
    );
    expect(auditRows()).toBe(before + 1);
    expect(synchronous()).toBe(FULL);
  });
});
