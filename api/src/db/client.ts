import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { DatabaseOpenError, type Db } from './handle.js';
import { migrationsFolder } from './migrations-folders.js';
import { DURABLE_SYNCHRONOUS, type SqliteHandleOptions, sqliteHandle } from './sqlite.js';
import { selectDialect } from './tables.js';

export { DatabaseOpenError, type Db, type Dialect, single, sqliteOf } from './handle.js';
export { migrationsFolder } from './migrations-folders.js';
export { openPostgres } from './postgres.js';

/**
 * Opens (or creates) the SQLite file, refuses an unreadable or corrupt one without touching it,
 * and applies pending migrations.
 */
export function openDatabase(file: string, options: SqliteHandleOptions = {}): Db {
  selectDialect('sqlite');
  const exists = file !== ':memory:' && existsSync(file);
  if (exists) {
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch {
      throw new DatabaseOpenError(`Database file ${file} is not readable and writable by this user.`);
    }
  } else if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: exists });
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    throw new DatabaseOpenError(
      `Database file ${file} is corrupt or not a Helhed database (${(error as Error).message}). ` +
        'It was left untouched: restore it from a backup or move it away to start empty.',
    );
  }
  // WAL lets reads run beside the writer; synchronous=FULL makes every acknowledged commit
  // survive a crash or power loss (group commit flushes the WAL itself, off the event loop:
  // sqlite.ts).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${DURABLE_SYNCHRONOUS}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrate(drizzle(sqlite), { migrationsFolder });
  return sqliteHandle(sqlite, options);
}
