import { AsyncLocalStorage } from 'node:async_hooks';
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
 * so no reader ever sees a write that is not committed yet. A batch is durable or relaxed, never
 * mixed: a durable write after relaxed ones starts the next batch.
 */
function groupCommit(sqlite: Database.Database, turnstile: Turnstile, run: RunWrite) {
  const queue: QueuedWrite[] = [];
  let draining = false;
  const relaxed = sqlite.prepare('PRAGMA synchronous = NORMAL');
  const durable = sqlite.prepare(`PRAGMA synchronous = ${DURABLE_SYNCHRONOUS}`);

  /** Commits the writes at the head of the queue as one batch and answers each of them. */
  async function commitBatch(kind: Durability): Promise<void> {
    const done: { write: QueuedWrite; ok: boolean; value: unknown }[] = [];
    let current: QueuedWrite | undefined;
    if (kind === 'relaxed') relaxed.run();
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
      if (kind === 'relaxed') durable.run();
    }
    for (const d of done) (d.ok ? d.write.resolve : d.write.reject)(d.value);
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

/**
 * The SQLite handle: drizzle's async sqlite-proxy over better-sqlite3. drizzle's better-sqlite3
 * driver only takes synchronous transaction callbacks (an async one neither waits nor rolls
 * back), so transactions are ours: BEGIN IMMEDIATE … COMMIT/ROLLBACK under the turnstile.
 */
export function sqliteHandle(sqlite: Database.Database): Db {
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
  const commits = groupCommit(sqlite, turnstile, (token, work) => {
    open = token;
    return inTransaction
      .run(token, () => work(txDb))
      .finally(() => {
        open = null;
      });
  });
  db.transaction = (work) => (partOfOpen() ? work(txDb) : commits.enqueue(work, 'durable'));
  // The audit of an access check: batched like a transaction, committed without waiting for the
  // disk when its batch holds nothing durable (docs/access.md, "read-audit durability").
  db.$relaxedWrite = (work) => (partOfOpen() ? work(txDb) : commits.enqueue(work, 'relaxed'));
  db.$inTransaction = partOfOpen;
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
