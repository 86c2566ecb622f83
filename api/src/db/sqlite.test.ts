import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, sqliteOf } from './client.js';
import { municipality } from './tables.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const names = async (db: ReturnType<typeof openDatabase>) =>
  (await db.select({ name: municipality.name }).from(municipality)).map((m) => m.name).sort();
const add = (db: ReturnType<typeof openDatabase>, name: string) =>
  db.insert(municipality).values({ name, code: name, createdAt: new Date() });

describe('the SQLite handle', () => {
  it('rolls back all of an async transaction when it throws', async () => {
    const db = openDatabase(':memory:');
    await expect(
      db.transaction(async (tx) => {
        await add(tx, 'a');
        await tick();
        await add(tx, 'b');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await names(db)).toEqual([]);
    expect(sqliteOf(db).inTransaction).toBe(false);
  });

  it('keeps another request’s write out of an open transaction that then rolls back', async () => {
    const db = openDatabase(':memory:');
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = db.transaction(async (tx) => {
      await add(tx, 'inside');
      await gate;
      throw new Error('rolled back');
    });
    await tick();
    // Sent while the transaction is open (then() starts a drizzle query): it must wait, then
    // commit on its own.
    const outside = add(db, 'outside').then(() => 'written');
    await tick();
    release();
    await expect(failing).rejects.toThrow('rolled back');
    expect(await outside).toBe('written');
    expect(await names(db)).toEqual(['outside']);
  });

  it('runs concurrent transactions one after the other, never interleaved', async () => {
    const db = openDatabase(':memory:');
    const order: string[] = [];
    const work = (name: string) =>
      db.transaction(async (tx) => {
        order.push(`${name} begins`);
        await add(tx, name);
        await tick();
        order.push(`${name} ends`);
      });
    await Promise.all([work('a'), work('b')]);
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    expect(await names(db)).toEqual(['a', 'b']);
  });

  it('lets code inside a transaction use the outer handle without waiting for itself', async () => {
    const db = openDatabase(':memory:');
    await db.transaction(async (tx) => {
      await add(tx, 'a');
      // The outer handle sees the transaction's own write, as a synchronous transaction did.
      const seen = await db.select().from(municipality).where(eq(municipality.code, 'a'));
      expect(seen).toHaveLength(1);
    });
  });

  it('lets the writes queued in one turn of the event loop share one commit', async () => {
    const db = openDatabase(':memory:');
    const commits = countCommits(db);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => db.transaction((tx) => add(tx, name))));
    expect(commits()).toBe(1);
    expect(await names(db)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('rolls back only the failing write of a batch, and answers each write its own outcome', async () => {
    const db = openDatabase(':memory:');
    const commits = countCommits(db);
    const outcomes = await Promise.allSettled([
      db.transaction((tx) => add(tx, 'kept-1')),
      db.transaction(async (tx) => {
        await add(tx, 'dropped');
        throw new Error('this one changed its mind');
      }),
      // A constraint violation rolls back its statement and its savepoint, not the batch.
      db.transaction(async (tx) => {
        await add(tx, 'dropped-too');
        await tx.insert(municipality).values({ id: 'x', name: 'x', code: 'x', createdAt: new Date() });
        await tx.insert(municipality).values({ id: 'x', name: 'x', code: 'x', createdAt: new Date() });
      }),
      db.transaction((tx) => add(tx, 'kept-2')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('changed its mind');
    expect(commits()).toBe(1);
    expect(await names(db)).toEqual(['kept-1', 'kept-2']);
  });

  it('answers each write of a batch only after the batch’s commit, as another connection sees it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-group-commit-'));
    const db = openDatabase(join(dir, 'helhed.sqlite'));
    const other = new Database(join(dir, 'helhed.sqlite'), { readonly: true });
    const seenByOther = () =>
      (other.prepare('select name from municipality order by name').all() as { name: string }[]).map(
        (r) => r.name,
      );
    try {
      const answered: string[][] = [];
      await Promise.all(
        ['a', 'b', 'c'].map((name) =>
          db.transaction((tx) => add(tx, name)).then(() => answered.push(seenByOther())),
        ),
      );
      // Every write's answer came after the batch's commit: each saw all three from outside.
      expect(answered).toEqual([
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
      ]);
    } finally {
      other.close();
      await db.$close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps readers out of a batch until it has committed', async () => {
    const db = openDatabase(':memory:');
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = db.transaction(async (tx) => {
      await add(tx, 'slow');
      await gate;
    });
    await tick();
    const read = names(db);
    await tick();
    release();
    await slow;
    // The read waited for the commit rather than seeing the write half-way.
    expect(await read).toEqual(['slow']);
  });
});

describe('durable commits on a file', () => {
  /** A file database whose WAL flushes are recorded and can be held or made to fail. */
  function observedFile() {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-wal-flush-'));
    const file = join(dir, 'helhed.sqlite');
    const flushes: { inode: number }[] = [];
    let hold: Promise<void> | null = null;
    let failNext = false;
    const db = openDatabase(file, {
      flushWal: async (wal: FileHandle) => {
        flushes.push({ inode: (await wal.stat()).ino });
        if (hold) await hold;
        if (failNext) {
          failNext = false;
          throw new Error('EIO: the disk refused');
        }
        await wal.datasync();
      },
    });
    return {
      db,
      file,
      flushes,
      holdFlushes() {
        let release = () => {};
        hold = new Promise<void>((resolve) => {
          release = resolve;
        });
        return () => {
          hold = null;
          release();
        };
      },
      failNextFlush() {
        failNext = true;
      },
      async close() {
        await db.$close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('flushes the WAL once per batch of writes, and never for relaxed audits alone', async () => {
    const f = observedFile();
    try {
      await Promise.all(['a', 'b', 'c'].map((name) => f.db.transaction((tx) => add(tx, name))));
      expect(f.flushes).toHaveLength(1);
      expect(f.flushes[0]?.inode).toBe(statSync(`${f.file}-wal`).ino);
      await f.db.$relaxedWrite((tx) => add(tx, 'relaxed'));
      expect(f.flushes).toHaveLength(1);
      // Between batches the connection is back at synchronous=FULL for anything else.
      expect(sqliteOf(f.db).pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await f.close();
    }
  });

  it('answers a write, and lets any other statement run, only once the flush has returned', async () => {
    const f = observedFile();
    try {
      const release = f.holdFlushes();
      let written = false;
      const write = f.db
        .transaction((tx) => add(tx, 'held'))
        .then(() => {
          written = true;
        });
      while (f.flushes.length === 0) await tick();
      let read: string[] | null = null;
      const reading = names(f.db).then((seen) => {
        read = seen;
      });
      await tick();
      await tick();
      // Committed but not yet flushed: nobody is told, nobody reads it.
      expect(written).toBe(false);
      expect(read).toBeNull();
      release();
      await Promise.all([write, reading]);
      expect(read).toEqual(['held']);
    } finally {
      await f.close();
    }
  });

  it('answers every write of a batch whose flush failed with an error, and flushes the next batch again', async () => {
    const f = observedFile();
    const logged = console.error;
    console.error = () => {};
    try {
      f.failNextFlush();
      const failed = await Promise.allSettled([
        f.db.transaction((tx) => add(tx, 'x')),
        f.db.transaction((tx) => add(tx, 'y')),
      ]);
      expect(failed.map((o) => o.status)).toEqual(['rejected', 'rejected']);
      expect(String((failed[0] as PromiseRejectedResult).reason)).toContain('EIO');
      await f.db.transaction((tx) => add(tx, 'z'));
      expect(f.flushes).toHaveLength(2);
    } finally {
      console.error = logged;
      await f.close();
    }
  });

  it('has nothing to flush in memory', async () => {
    let flushed = 0;
    const db = openDatabase(':memory:', {
      flushWal: async () => {
        flushed += 1;
      },
    });
    await db.transaction((tx) => add(tx, 'a'));
    expect(flushed).toBe(0);
    expect(await names(db)).toEqual(['a']);
  });
});

/** Counts the COMMITs the handle sends on its connection. */
function countCommits(db: ReturnType<typeof openDatabase>): () => number {
  const sqlite = sqliteOf(db);
  const exec = sqlite.exec.bind(sqlite);
  let commits = 0;
  sqlite.exec = (sql: string) => {
    if (sql === 'COMMIT') commits += 1;
    return exec(sql);
  };
  return () => commits;
}
