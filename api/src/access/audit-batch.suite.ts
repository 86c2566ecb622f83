import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, single } from '../db/client.js';
import { auditEvent, municipality } from '../db/tables.js';
import type { Actor } from './actor.js';
import { recordAudit, recordAudits } from './audit.js';

/**
 * Read audits in batches (docs/access.md, "Read audits in batches"), run on SQLite
 * (audit-batch.test.ts) and PostgreSQL (audit-batch.postgres.test.ts). The database is the real
 * one; the writer handed to recordAudits is that database with its relaxed commits and inserts
 * counted.
 */
export function auditBatchSuite(dialect: string, open: () => Promise<Db>): void {
  describe(`read audits in batches (${dialect})`, () => {
    let db: Db;
    let actor: Actor;
    const at = new Date(Date.UTC(2026, 5, 1, 10, 0, 0));

    beforeAll(async () => {
      db = await open();
      const m = single(
        await db
          .insert(municipality)
          .values({ name: 'T', code: `t-${dialect}`, createdAt: at })
          .returning(),
      );
      actor = {
        subject: 'p1',
        role: 'ANALYST',
        municipalityId: m.id,
        departmentId: null,
        departmentIds: [],
        citizenId: null,
        purpose: 'test',
        at,
      };
    });
    afterAll(() => db?.$close());

    /** The database, counting the relaxed commits and the INSERTs the audit makes through it. */
    function counted() {
      const seen = { commits: 0, inserts: 0 };
      const writer = {
        insert: db.insert.bind(db),
        $inTransaction: () => db.$inTransaction(),
        $relaxedWrite: <T>(work: (tx: Db) => Promise<T>) => {
          seen.commits++;
          return db.$relaxedWrite((tx) =>
            work(
              new Proxy(tx, {
                get(target, key) {
                  if (key === 'insert') {
                    seen.inserts++;
                    return target.insert.bind(target);
                  }
                  return Reflect.get(target, key);
                },
              }),
            ),
          );
        },
      };
      return { writer, seen };
    }

    const stored = async (action: string) =>
      Number(single(await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.action, action))).n);

    it('writes the events of concurrent reads with one INSERT in one commit, each answered after it', async () => {
      const { writer, seen } = counted();
      const reads = Array.from({ length: 20 }, (_, i) =>
        recordAudits(writer, { ...actor, subject: `reader-${i}` }, [
          { citizenId: null, action: 'batch-read', outcome: 'ALLOWED' },
          { citizenId: null, action: 'batch-read', outcome: i % 2 ? 'ALLOWED' : 'DENIED' },
        ]),
      );
      await Promise.all(reads);
      expect(seen).toEqual({ commits: 1, inserts: 1 });
      expect(await stored('batch-read')).toBe(40);
      const subjects = await db
        .selectDistinct({ s: auditEvent.actorId })
        .from(auditEvent)
        .where(eq(auditEvent.action, 'batch-read'));
      expect(subjects).toHaveLength(20);
    });

    it('starts a new batch for a read that comes after the last one began to commit', async () => {
      const { writer, seen } = counted();
      await recordAudit(writer, actor, { citizenId: null, action: 'batch-later', outcome: 'ALLOWED' });
      await recordAudit(writer, actor, { citizenId: null, action: 'batch-later', outcome: 'ALLOWED' });
      expect(seen.commits).toBe(2);
      expect(await stored('batch-later')).toBe(2);
    });

    it('fails only the read whose row is refused; the others in its batch are stored', async () => {
      const { writer } = counted();
      const bad = { ...actor, subject: null as unknown as string }; // NOT NULL refuses it
      const results = await Promise.allSettled([
        recordAudit(writer, actor, { citizenId: null, action: 'batch-mixed', outcome: 'ALLOWED' }),
        recordAudit(writer, bad, { citizenId: null, action: 'batch-mixed', outcome: 'ALLOWED' }),
        recordAudit(writer, actor, { citizenId: null, action: 'batch-mixed', outcome: 'DENIED' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await stored('batch-mixed')).toBe(2);
    });

    it('keeps events written through a transaction out of the batch: they roll back with it', async () => {
      const { writer, seen } = counted();
      const outcome = await Promise.allSettled([
        recordAudit(writer, actor, { citizenId: null, action: 'batch-outside', outcome: 'ALLOWED' }),
        db.transaction(async (tx) => {
          await recordAudit(tx, actor, { citizenId: null, action: 'batch-inside', outcome: 'ALLOWED' });
          throw new Error('the write fails');
        }),
      ]);
      expect(outcome.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
      expect(seen.commits).toBe(1);
      expect(await stored('batch-outside')).toBe(1);
      expect(await stored('batch-inside')).toBe(0);
    });

    it('splits a batch larger than one statement may bind into several INSERTs of one commit', async () => {
      // 7,000 rows × 10 values is over both SQLite's (32,766) and PostgreSQL's (65,535) limit.
      const { writer, seen } = counted();
      const many = Array.from({ length: 7_000 }, () => ({
        citizenId: null,
        action: 'batch-large',
        outcome: 'ALLOWED' as const,
      }));
      await recordAudits(writer, actor, many);
      expect(seen.commits).toBe(1);
      expect(seen.inserts).toBe(14);
      expect(await stored('batch-large')).toBe(7_000);
    });
  });
}
