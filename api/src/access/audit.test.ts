import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/client.js';
import { municipality } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';

let dir: string;
let db: Db;
let actor: Actor;
const synchronous = () => db.$client.pragma('synchronous', { simple: true });
const FULL = 2;
const auditRows = () =>
  (db.$client.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'helhed-audit-'));
  db = openDatabase(join(dir, 'audit.sqlite'));
  const m = db.insert(municipality).values({ name: 'T', code: 't', createdAt: new Date() }).returning().get();
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
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recordAudit', () => {
  it('writes an access-check event outside a transaction and leaves every later commit durable', () => {
    expect(synchronous()).toBe(FULL);
    const before = auditRows();
    recordAudit(db, actor, { citizenId: null, action: 'progressionStatistics', outcome: 'ALLOWED' });
    expect(auditRows()).toBe(before + 1);
    expect(synchronous()).toBe(FULL);
  });

  it('restores durable commits even when the insert fails', () => {
    const bad = { ...actor, subject: null as unknown as string }; // NOT NULL refuses it
    expect(() => recordAudit(db, bad, { citizenId: null, action: 'x', outcome: 'ALLOWED' })).toThrow();
    expect(synchronous()).toBe(FULL);
  });

  it('inside a write transaction commits or rolls back with it', () => {
    const before = auditRows();
    expect(() =>
      db.transaction((tx) => {
        recordAudit(tx, actor, { citizenId: null, action: 'write', outcome: 'ALLOWED' });
        throw new Error('the write fails');
      }),
    ).toThrow('the write fails');
    expect(auditRows()).toBe(before);
    db.transaction((tx) => recordAudit(tx, actor, { citizenId: null, action: 'write', outcome: 'ALLOWED' }));
    expect(auditRows()).toBe(before + 1);
    expect(synchronous()).toBe(FULL);
  });
});
