import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from './backup.js';
import { openDatabase } from './client.js';
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
    seedDemo(db);
    // Keep writing audit events while the backup runs; the copy must be a consistent snapshot.
    let writes = 0;
    const writer = setInterval(() => {
      db.$client
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
    expect(count(copy, 'measurement')).toBe(count(db.$client, 'measurement'));
    expect(count(copy, 'audit_event')).toBeLessThanOrEqual(count(db.$client, 'audit_event'));
    copy.close();
    // A restored copy opens as a Helhed database (migrations already applied, data intact).
    const restored = openDatabase(result.file);
    expect(count(restored.$client, 'citizen')).toBe(count(db.$client, 'citizen'));
    restored.$client.close();
    db.$client.close();
    expect(writes).toBeGreaterThan(0);
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-backup-'));
    dirs.push(dir);
    openDatabase(join(dir, 'live.sqlite')).$client.close();
    await backupDatabase(join(dir, 'live.sqlite'), join(dir, 'b.sqlite'));
    await expect(backupDatabase(join(dir, 'live.sqlite'), join(dir, 'b.sqlite'))).rejects.toThrow(
      /exists already/,
    );
  });
});
