import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from './backup.js';
import { openDatabase, sqliteOf } from './client.js';
import { seedDemo } from './seed/demo.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('backupDatabase', () => {
  it('copies a database that is being written to into a consistent, openable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-backup-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'live.sqlite'));
    await seedDemo(db);
    // Keep writing audit events while the backup runs; the copy must be a consistent snapshot.
    let writes = 0;
    const writer = setInterval(() => {
      sqliteOf(db)
        .prepare(
          "insert into audit_event (municipality_id, at, actor_id, actor_role, action, purpose, outcome) values ('m', ?, 'a', 'ADMIN', 'x', 'p', 'ALLOWED')",
        )
        .run(Date.now());
      writes++;
    }, 1);
    const result = await backupDatabase(join(dir, 'live.sqlite'), join(dir, 'copy', 'backup.sqlite'));
    clearInterval(writer);
    expect(result.pages).toBeGreaterThan(0);
    const copy = new Database(result.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (d: Database.Database, table: string) =>
      (d.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
    expect(count(copy, 'measurement')).toBe(count(sqliteOf(db), 'measurement'));
    expect(count(copy, 'audit_event')).toBeLessThanOrEqual(count(sqliteOf(db), 'audit_event'));
    copy.close();
    // A restored copy opens as a Helhed database (migrations already applied, data intact).
    const restored = openDatabase(result.file);
    expect(count(sqliteOf(restored), 'citizen')).toBe(count(sqliteOf(db), 'citizen'));
    sqliteOf(restored).close();
    sqliteOf(db).close();
    expect(writes).toBeGreaterThan(0);
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-backup-'));
    dirs.push(dir);
    sqliteOf(openDatabase(join(dir, 'live.sqlite'))).close();
    await backupDatabase(join(dir, 'live.sqlite'), join(dir, 'b.sqlite'));
    await expect(backupDatabase(join(dir, 'live.sqlite'), join(dir, 'b.sqlite'))).rejects.toThrow(
      /exists already/,
    );
  });
});
