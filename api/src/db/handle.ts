import type Database from 'better-sqlite3';
import type { SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type pg from 'pg';
import type * as schema from './schema/index.js';

export type Dialect = 'sqlite' | 'postgres';

/** The database cannot be opened as it is; start-up stops with this message. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/**
 * The database as the domain sees it, on either dialect: drizzle's async query builder, awaited
 * (`await db.select()…` answers an array; use `[0]` for one row, never `.get()`, `.all()` or
 * `(await )`, which PostgreSQL's builders lack), and an async transaction whose handle is a Db too.
 * It is typed as drizzle's async SQLite database because the two schema modules describe one model
 * (schema-drift.test.ts); the PostgreSQL handle is cast to this view in exactly one place
 * (postgres.ts).
 */
export type Db = Omit<SqliteRemoteDatabase<typeof schema>, 'transaction'> & {
  /** Runs `work` in one transaction: all of it commits, or an error rolls all of it back. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `work` as writes whose commit does not wait for the disk: SQLite commits them in WAL mode
   * with synchronous=NORMAL, PostgreSQL with synchronous_commit off. They survive a crash of the
   * process and reach the disk with the next durable commit; a power loss in between can lose
   * them. For the audit of an access check, never for case data. Inside a transaction, `work`
   * simply joins it and commits with it.
   */
  $relaxedWrite<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Whether statements through this handle, here and now, are part of an open transaction (a
   * transaction's handle, or the outer SQLite handle reached from inside one): what is written
   * through it commits or rolls back with that transaction.
   */
  $inTransaction(): boolean;
  readonly $dialect: Dialect;
  /** The SQLite connection, for SQLite-only tools (backup, the statistics worker); null on PostgreSQL. */
  readonly $sqlite: Database.Database | null;
  /** The PostgreSQL pool, for raw SQL the query builder cannot express; null on SQLite. */
  readonly $postgres: pg.Pool | null;
  /** Closes the connection (SQLite) or the pool (PostgreSQL). */
  $close(): Promise<void>;
};

/** The one row an `insert … returning()` wrote (or a lookup that cannot miss) answered. */
export function single<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('Expected a row, the database answered none.');
  return row;
}

/** The SQLite connection of a SQLite handle, for tools and tests that speak SQLite itself. */
export function sqliteOf(db: Db): Database.Database {
  if (!db.$sqlite) throw new Error(`This needs SQLite; the database is ${db.$dialect}.`);
  return db.$sqlite;
}
