import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.js';
import { openDatabase, sqliteOf } from './client.js';
import { municipality } from './tables.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const autocheckpoint = (db: ReturnType<typeof openDatabase>) =>
  sqliteOf(db).pragma('wal_autocheckpoint', { simple: true });

describe('the WAL checkpoint worker', () => {
  it('copies committed writes into the database file off the request thread, and hands checkpoints back when stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-checkpoint-'));
    dirs.push(dir);
    const file = join(dir, 'helhed.sqlite');
    const db = openDatabase(file);
    const reports: { log: number; checkpointed: number }[] = [];
    const checkpointer = startCheckpointer(db, { intervalMs: 20, onCheckpoint: (r) => reports.push(r) });
    // The request thread's own threshold is only a backstop now.
    expect(autocheckpoint(db)).toBe(20_000);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction((tx) =>
          tx.insert(municipality).values({ name: `m${i}`, code: `m${i}`, createdAt: new Date() }),
        ),
      ),
    );
    // Wait for a checkpoint that found the writes and copied all of them.
    const deadline = Date.now() + 10_000;
    while (!reports.some((r) => r.log > 0 && r.checkpointed === r.log) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reports.some((r) => r.log > 0 && r.checkpointed === r.log)).toBe(true);

    // The database file alone, without its WAL, holds the rows: the worker checkpointed them.
    const alone = join(dir, 'alone.sqlite');
    copyFileSync(file, alone);
    const copy = new Database(alone, { readonly: true });
    try {
      expect(
        (copy.prepare("select count(*) as n from municipality where code like 'm%'").get() as { n: number })
          .n,
      ).toBe(50);
    } finally {
      copy.close();
    }

    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(1000);
    await db.$close();
  });

  it('lets the WAL start over under steady writes: the writer waits between batches for a full checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-checkpoint-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'helhed.sqlite'));
    const reports: { log: number; checkpointed: number }[] = [];
    // The timer never fires here: every checkpoint is one the writer asked for.
    const checkpointer = startCheckpointer(db, {
      intervalMs: 3_600_000,
      onCheckpoint: (r) => reports.push(r),
    });
    const big = 'x'.repeat(1_000_000);
    for (let i = 0; i < 20; i++) {
      await db.transaction((tx) =>
        tx.insert(municipality).values({ name: `${big}${i}`, code: `big${i}`, createdAt: new Date() }),
      );
    }
    // ~20 MB written: past 16 MB the writer had the whole WAL checkpointed…
    expect(reports.some((r) => r.log > 4_000 && r.checkpointed === r.log)).toBe(true);
    // …so the next commit started the WAL from its beginning: it holds only that commit's frames.
    await db.transaction((tx) =>
      tx.insert(municipality).values({ name: 'small', code: 'small', createdAt: new Date() }),
    );
    const [wal] = sqliteOf(db).pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(wal?.log).toBeLessThan(1_000);
    await checkpointer.stop();
    await db.$close();
  });

  it('has nothing to do in memory', async () => {
    const db = openDatabase(':memory:');
    const checkpointer = startCheckpointer(db);
    expect(autocheckpoint(db)).toBe(1000);
    await checkpointer.stop();
  });
});
