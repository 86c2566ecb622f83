import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Db, migrationsFolder } from './client.js';

/** Why the database is not ready, in words that carry no detail of the failure. */
export type DatabaseProblem = 'unreachable' | 'migrations pending';

/**
 * The database questions /readyz asks: does it answer a trivial query, and has the newest
 * committed migration been applied (a restored old backup under a running server would not).
 * Kept apart so a Postgres port swaps these two queries and nothing else.
 */
export function databaseProbe(db: Db): () => DatabaseProblem | null {
  const migrations = readMigrationFiles({ migrationsFolder });
  const newest = Math.max(0, ...migrations.map((m) => m.folderMillis));
  const ping = db.$client.prepare('select 1');
  return () => {
    try {
      ping.get();
      const applied = db.$client.prepare('select max(created_at) as at from __drizzle_migrations').get() as
        | { at: number | string | null }
        | undefined;
      return Number(applied?.at ?? 0) >= newest ? null : 'migrations pending';
    } catch {
      return 'unreachable';
    }
  };
}

/**
 * How many audit events have been appended: the highest rowid, since the table only grows
 * (triggers refuse UPDATE and DELETE). A max over the rowid is one index step, fine per scrape.
 */
export function auditEventHighWater(db: Db): () => number {
  const statement = db.$client.prepare('select coalesce(max(rowid), 0) as n from audit_event');
  let last = 0;
  return () => {
    try {
      last = (statement.get() as { n: number }).n;
    } catch {
      // A database closed during shutdown: keep the last count so the counter never drops.
    }
    return last;
  };
}
