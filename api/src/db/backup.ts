import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
}

/**
 * Copies a live database with SQLite's online backup API: a consistent snapshot even while the
 * server keeps writing (WAL readers do not block the writer). Refuses to overwrite a file.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`No database at ${source}.`);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose another name.`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const progress = await db.backup(destination);
    const copy = new Database(destination, { readonly: true });
    const check = copy.pragma('integrity_check', { simple: true });
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    copy.close();
    if (check !== 'ok') throw new Error(`The backup failed its integrity check: ${String(check)}`);
    return { file: destination, pages: progress.totalPages, bytes: progress.totalPages * pageSize };
  } finally {
    db.close();
  }
}
