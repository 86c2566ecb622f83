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
  const db = decorate(drizzle(outside, { schema }), sqlite);
  db.transaction = async (work) => {
    if (partOfOpen()) return work(txDb);
    const leave = await turnstile.enter();
    const token = {};
    try {
      sqlite.exec('BEGIN IMMEDIATE');
      open = token;
      try {
        const result = await inTransaction.run(token, () => work(txDb));
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    } finally {
      open = null;
      leave();
    }
  };
  const relaxed = sqlite.prepare('PRAGMA synchronous = NORMAL');
  const durable = sqlite.prepare(`PRAGMA synchronous = ${DURABLE_SYNCHRONOUS}`);
  // No BEGIN: each statement of `work` commits on its own, without an fsync. The turnstile keeps
  // every other statement (and so every durable commit) out until synchronous is FULL again.
  db.$relaxedWrite = async (work) => {
    if (partOfOpen()) return work(txDb);
    const leave = await turnstile.enter();
    const token = {};
    try {
      relaxed.run();
      open = token;
      return await inTransaction.run(token, () => work(txDb));
    } finally {
      open = null;
      durable.run();
      leave();
    }
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
