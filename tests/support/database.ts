import { join } from 'node:path';
import { connectTestDatabase } from '@helhed/api/testing/postgres';
import Database from 'better-sqlite3';
import type { RunningServer } from './server.js';

/**
 * A look into the database behind a running server, on either dialect: what tests use to check
 * that a refused write changed nothing, and to set up what no API may write (a second tenant).
 * SQL is written with `?` placeholders; instants go through `instant()`.
 */
export interface DatabasePeek {
  count(table: string): Promise<number>;
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  one<T>(sql: string, ...params: unknown[]): Promise<T>;
  /** Runs statements separated by `;` (no parameters). */
  exec(sql: string): Promise<void>;
  /** An instant as a SQL literal of this dialect. */
  instant(ms: number): string;
  close(): Promise<void>;
}

export const dbFile = (server: RunningServer) => join(server.dataDir, 'helhed.sqlite');

/** Opens the server's database; `readonly` applies to SQLite, whose writer is the server. */
export async function peek(
  server: RunningServer,
  options: { readonly?: boolean } = {},
): Promise<DatabasePeek> {
  if (server.databaseUrl) return peekPostgres(server.databaseUrl);
  const readonly = options.readonly ?? true;
  const db = new Database(dbFile(server), { readonly, fileMustExist: true });
  if (!readonly) db.pragma('busy_timeout = 5000');
  return {
    count: async (table) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
    all: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
    one: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T,
    exec: async (sql) => {
      db.exec(sql);
    },
    instant: (ms) => String(ms),
    close: async () => {
      db.close();
    },
  };
}

async function peekPostgres(url: string): Promise<DatabasePeek> {
  const connection = await connectTestDatabase(url);
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const all = <T>(sql: string, ...params: unknown[]) => connection.query<T>(numbered(sql), params);
  return {
    count: async (table) =>
      Number((await connection.query<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n),
    all,
    one: async <T>(sql: string, ...params: unknown[]) => (await all<T>(sql, ...params))[0] as T,
    exec: async (sql) => {
      await connection.query(sql);
    },
    instant: (ms) => `to_timestamp(${ms} / 1000.0)`,
    close: () => connection.end(),
  };
}

/** Rows in a table now, through a short-lived connection. */
export async function countRows(server: RunningServer, table: string): Promise<number> {
  const db = await peek(server);
  try {
    return await db.count(table);
  } finally {
    await db.close();
  }
}
