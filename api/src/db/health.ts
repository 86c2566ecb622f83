import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Db, migrationsFolder } from './client.js';
import { pgMigrationsFolder } from './migrations-folders.js';

/** Why the database is not ready, in words that carry no detail of the failure. */
export type DatabaseProblem = 'unreachable' | 'migrations pending';

/** One number from one query, on whichever database the handle speaks. */
async function scalar(db: Db, sqliteSql: string, postgresSql: string): Promise<number> {
  if (db.$postgres) {
    const result = await db.$postgres.query<{ n: string | number | null }>(postgresSql);
    return Number(result.rows[0]?.n ?? 0);
  }
  const row = db.$sqlite?.prepare(sqliteSql).get() as { n: number | null } | undefined;
  return Number(row?.n ?? 0);
}

/**
 * The database questions /readyz asks: does it answer a trivial query, and has the newest
 * committed migration of its dialect been applied (a restored old backup under a running server
 * would not). drizzle records applied migrations in `__drizzle_migrations` (PostgreSQL: in the
 * `drizzle` schema).
 */
export function databaseProbe(db: Db): () => Promise<DatabaseProblem | null> {
  const folder = db.$postgres ? pgMigrationsFolder : migrationsFolder;
  const newest = Math.max(0, ...readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis));
  return async () => {
    try {
      await scalar(db, 'select 1 as n', 'select 1 as n');
      const applied = await scalar(
        db,
        'select max(created_at) as n from __drizzle_migrations',
        'select max(created_at) as n from drizzle.__drizzle_migrations',
      );
      return applied >= newest ? null : 'migrations pending';
    } catch {
      return 'unreachable';
    }
  };
}

/**
 * How many audit events have been appended: the highest id, since the table only grows
 * (triggers refuse UPDATE and DELETE). A max over the key is one index step, fine per scrape.
 */
export function auditEventHighWater(db: Db): () => Promise<number> {
  let last = 0;
  return async () => {
    try {
      last = await scalar(
        db,
        'select coalesce(max(id), 0) as n from audit_event',
        'select coalesce(max(id), 0) as n from audit_event',
      );
    } catch {
      // A database closed during shutdown: keep the last count so the counter never drops.
    }
    return last;
  };
}
