import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
import { type FileHandle, open as openFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle, type RemoteCallback } from 'drizzle-orm/sqlite-proxy';
import type { Db } from './handle.js';
import * as schema from './schema/index.js';

/**
 * Serialises transactions on the one SQLite connection. While a transaction is open, every other
 * statement waits for it: on a single connection a statement from another request would
 * otherwise land inside the open transaction and commit or roll back with it.
 */
class Turnstile {
  private tail: Promise<void> = Promise.resolve();
  busy = false;

  async enter(): Promise<() => void> {
    const previous = this.tail;
    let leave = () => {};
    this.tail = new Promise((resolve) => {
      leave = () => {
        this.busy = false;
        resolve();
      };
    });
    await previous;
    this.busy = true;
    return leave;
  }
}

/** Every transaction commits with an fsync: an acknowledged write survives a power loss. */
export const DURABLE_SYNCHRONOUS = 'FULL';

/** Makes what the file holds durable (an fdatasync), off the event loop. */
export type FlushFile = (file: FileHandle) => Promise<void>;
const datasync: FlushFile = (file) => file.datasync();

/**
 * The write-ahead log's file, opened once, flushed from libuv's thread pool. SQLite deletes the
 * WAL only when the last connection closes; a replaced file (new inode) is opened again.
 */
function walFlusher(walPath: string, flush: FlushFile) {
  let file: FileHandle | null = null;
  let inode = -1;
  return {
    /** Flushes the WAL; answers its size in bytes. */
    async flush(): Promise<number> {
      // One stat call (microseconds); a missing WAL throws, and the batch cannot be acknowledged.
      const now = statSync(walPath);
      if (!file || now.ino !== inode) {
        await file?.close().catch(() => undefined);
        file = await openFile(walPath, 'r');
        inode = (await file.stat()).ino;
      }
      await flush(file);
      return now.size;
    },
    async close(): Promise<void> {
      await file?.close().catch(() => undefined);
      file = null;
    },
  };
}

/**
 * A checkpoint run elsewhere (checkpointer.ts) that the writer waits for, without blocking the
 * event loop, once the WAL has grown past WAL_RESTART_BYTES.
 */
export type CheckpointAssist = () => Promise<void>;
const assists = new WeakMap<Database.Database, CheckpointAssist>();

/** Registers (or, with null, removes) the checkpoint the writer asks for when the WAL is large. */
export function assistCheckpoints(sqlite: Database.Database, assist: CheckpointAssist | null): void {
  if (assist) assists.set(sqlite, assist);
  else assists.delete(sqlite);
}

/**
 * A checkpoint running beside the writer copies frames, but SQLite starts the WAL from the
 * beginning again only when a write finds every frame copied: under a steady stream of commits
 * that moment never comes and the WAL grows. Past this size (~4,000 pages) the writer pauses
 * between batches until a checkpoint has copied all of it; the next commit then restarts the WAL.
 */
const WAL_RESTART_BYTES = 16 * 1024 * 1024;

/** Most writes one commit carries, so one busy moment cannot hold every reader for long. */
const MAX_BATCH = 256;

type Durability = 'durable' | 'relaxed';
interface QueuedWrite {
  work: (tx: Db) => Promise<unknown>;
  durability: Durability;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
type RunWrite = (token: object, work: (tx: Db) => Promise<unknown>) => Promise<unknown>;

/**
 * Group commit: the writes queued while one commit is prepared share one BEGIN … COMMIT and so one
 * fsync, each inside a savepoint of its own, so a failing write rolls back only itself and answers
 * its own error. Nobody's promise resolves before the COMMIT returned: a write is acknowledged only
 * once it is on disk (durable) or in the WAL (relaxed). The turnstile is held for the whole batch,
 * so no reader ever sees a write that is not on disk yet. A batch is durable or relaxed, never
 * mixed: a durable write after relaxed ones starts the next batch.
 *
 * With a WAL file (`wal`), a durable batch commits without SQLite's own fsync and the WAL is then
 * flushed from the thread pool, the turnstile still held: the same bytes reach the disk before
 * anyone is answered, as synchronous=FULL would do, but the event loop goes on parsing, checking
 * and scoring the next requests meanwhile instead of blocking in the fsync (docs/access.md,
 * "Group commit"). Checkpoints keep SQLite's own syncs.
 */
function groupCommit(
  sqlite: Database.Database,
  turnstile: Turnstile,
  run: RunWrite,
  wal: { flush(): Promise<number> } | null,
) {
  const queue: QueuedWrite[] = [];
  let draining = false;
  const relaxed = sqlite.prepare('PRAGMA synchronous = NORMAL');
  const durable = sqlite.prepare(`PRAGMA synchronous = ${DURABLE_SYNCHRONOUS}`);

  /** Commits the writes at the head of the queue as one batch and answers each of them. */
  async function commitBatch(kind: Durability): Promise<void> {
    const done: { write: QueuedWrite; ok: boolean; value: unknown }[] = [];
    let current: QueuedWrite | undefined;
    const flushAfterCommit = kind === 'durable' && wal !== null;
    const commitWithoutFsync = kind === 'relaxed' || flushAfterCommit;
    if (commitWithoutFsync) relaxed.run();
    try {
      sqlite.exec('BEGIN IMMEDIATE');
      while (queue[0]?.durability === kind && done.length < MAX_BATCH) {
        const write = queue.shift() as QueuedWrite;
        current = write;
        sqlite.exec('SAVEPOINT helhed_write');
        try {
          const value = await run({}, write.work);
          sqlite.exec('RELEASE helhed_write');
          done.push({ write, ok: true, value });
        } catch (error) {
          // An error SQLite answers by rolling back the whole transaction takes the batch with it.
          if (!sqlite.inTransaction) throw error;
          sqlite.exec('ROLLBACK TO helhed_write');
          sqlite.exec('RELEASE helhed_write');
          done.push({ write, ok: false, value: error });
        }
        current = undefined;
      }
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      // Nothing of this batch is stored: every write in it fails. A batch that could not even
      // begin fails the write at the head, so the queue moves on.
      for (const d of done) d.write.reject(d.ok ? error : d.value);
      (current ?? (done.length === 0 ? queue.shift() : undefined))?.reject(error);
      return;
    } finally {
      if (commitWithoutFsync) durable.run();
    }
    let walBytes = 0;
    if (flushAfterCommit) {
      try {
        walBytes = await wal.flush();
      } catch (error) {
        // Committed, but not known to be on disk: nobody may be told it is stored. The outcome
        // is unknown to the client, as after a lost connection (an idempotency key makes the
        // retry safe); the server logs it, since the disk may be failing.
        console.error(`Flushing the SQLite WAL failed: ${(error as Error).message}`);
        for (const d of done) d.write.reject(error);
        return;
      }
    }
    for (const d of done) (d.ok ? d.write.resolve : d.write.reject)(d.value);
    const assist = assists.get(sqlite);
    if (assist && walBytes > WAL_RESTART_BYTES) {
      // Still holding the turnstile: no commit lands while the checkpoint catches up.
      await assist().catch((error: Error) => console.error(`WAL checkpoint failed: ${error.message}`));
    }
  }

  async function drain(): Promise<void> {
    const leave = await turnstile.enter();
    try {
      for (let head = queue[0]; head; head = queue[0]) await commitBatch(head.durability);
    } finally {
      draining = false;
      leave();
    }
  }

  return {
    enqueue<T>(work: (tx: Db) => Promise<T>, durability: Durability): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, durability, resolve: resolve as (value: unknown) => void, reject });
        if (draining) return;
        draining = true;
        // After the poll phase: every request whose bytes arrived in this turn of the event loop
        // has queued its write by then, and they all share the commit.
        setImmediate(() => void drain());
      });
    },
  };
}

export interface SqliteHandleOptions {
  /** How the WAL is made durable after a durable batch's commit; tests observe it through this. */
  flushWal?: FlushFile;
}

/**
 * The SQLite handle: drizzle's async sqlite-proxy over better-sqlite3. drizzle's better-sqlite3
 * driver only takes synchronous transaction callbacks (an async one neither waits nor rolls
 * back), so transactions are ours: BEGIN IMMEDIATE … COMMIT/ROLLBACK under the turnstile.
 */
export function sqliteHandle(sqlite: Database.Database, options: SqliteHandleOptions = {}): Db {
  const statements = new Map<string, Database.Statement>();
  const execute = (sql: string, params: unknown[], method: 'run' | 'all' | 'values' | 'get') => {
    let statement = statements.get(sql);
    if (!statement) {
      // Bounded: statements with inlined lists vary in text.
      if (statements.size > 500) statements.clear();
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    if (!statement.reader) {
      statement.run(...params);
      return { rows: [] };
    }
    statement.raw(true);
    if (method === 'get') return { rows: statement.get(...params) as unknown[] };
    return { rows: statement.all(...params) };
  };
  const turnstile = new Turnstile();
  // Code running inside a transaction that reaches for the outer handle is part of it, as it
  // was with synchronous transactions; waiting for the turnstile there would deadlock. The token
  // is the open transaction's, so work it left behind cannot slip into a later one.
  const inTransaction = new AsyncLocalStorage<object>();
  let open: object | null = null;
  const partOfOpen = () => open !== null && inTransaction.getStore() === open;
  const outside: RemoteCallback = async (sql, params, method) => {
    if (!turnstile.busy || partOfOpen()) return execute(sql, params, method);
    const leave = await turnstile.enter();
    try {
      return execute(sql, params, method);
    } finally {
      leave();
    }
  };
  const inside: RemoteCallback = async (sql, params, method) => execute(sql, params, method);

  const txDb = decorate(drizzle(inside, { schema }), sqlite);
  // A transaction opened inside one joins it: SQLite has one writer and no nesting here.
  txDb.transaction = (work) => work(txDb);
  txDb.$relaxedWrite = (work) => work(txDb);
  txDb.$inTransaction = () => true;
  const db = decorate(drizzle(outside, { schema }), sqlite);
  // A file in WAL mode flushes its WAL after commit (groupCommit); in memory there is nothing to sync.
  const walMode = !sqlite.memory && String(sqlite.pragma('journal_mode', { simple: true })) === 'wal';
  const wal = walMode ? walFlusher(`${resolve(sqlite.name)}-wal`, options.flushWal ?? datasync) : null;
  const commits = groupCommit(
    sqlite,
    turnstile,
    (token, work) => {
      open = token;
      return inTransaction
        .run(token, () => work(txDb))
        .finally(() => {
          open = null;
        });
    },
    wal,
  );
  db.transaction = (work) => (partOfOpen() ? work(txDb) : commits.enqueue(work, 'durable'));
  // The audit of an access check: batched like a transaction, committed without waiting for the
  // disk when its batch holds nothing durable (docs/access.md, "read-audit durability").
  db.$relaxedWrite = (work) => (partOfOpen() ? work(txDb) : commits.enqueue(work, 'relaxed'));
  db.$inTransaction = partOfOpen;
  const closeConnection = db.$close;
  db.$close = async () => {
    await wal?.close();
    await closeConnection();
  };
  return db;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function decorate(database: object, sqlite: Database.Database): Mutable<Db> {
  return Object.assign(database, {
    $dialect: 'sqlite' as const,
    $sqlite: sqlite,
    $postgres: null,
    $close: async () => {
      if (sqlite.open) sqlite.close();
    },
  }) as unknown as Mutable<Db>;
}
