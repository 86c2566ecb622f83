import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, sqliteOf } from './client.js';
import { seedDemo } from './seed/demo.js';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'helhed-db-'));
  dirs.push(dir);
  return join(dir, 'helhed.sqlite');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file, applies the committed migrations and uses WAL with full sync', () => {
    const db = openDatabase(tempFile());
    const tables = sqliteOf(db).prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['measurement', 'consent', 'audit_event', 'plan', 'goal_rating']),
    );
    expect(sqliteOf(db).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqliteOf(db).pragma('synchronous', { simple: true })).toBe(2);
    expect(sqliteOf(db).pragma('foreign_keys', { simple: true })).toBe(1);
    sqliteOf(db).close();
  });

  it('refuses a corrupt file with a clear message and leaves it byte for byte as it was', () => {
    const file = tempFile();
    const garbage = Buffer.from('this is not a database, but someone may need it back'.repeat(100));
    writeFileSync(file, garbage);
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(/corrupt or not a Helhed database.*left untouched/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a path that is not a database file', () => {
    expect(() => openDatabase(tmpdir())).toThrow(DatabaseOpenError);
  });

  // root ignores file modes, so this case can only be shown as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('refuses a file it cannot write', () => {
    const file = tempFile();
    sqliteOf(openDatabase(file)).close();
    chmodSync(file, 0o400);
    expect(() => openDatabase(file)).toThrow(/not readable and writable/);
  });

  it('reopens an existing database and keeps its data', async () => {
    const file = tempFile();
    const first = openDatabase(file);
    await seedDemo(first);
    const citizens = (sqliteOf(first).prepare('select count(*) n from citizen').get() as { n: number }).n;
    sqliteOf(first).close();
    const again = openDatabase(file);
    expect((sqliteOf(again).prepare('select count(*) n from citizen').get() as { n: number }).n).toBe(
      citizens,
    );
    sqliteOf(again).close();
  });
});

describe('seedDemo', () => {
  it('seeds once: a second run finds the municipality and adds nothing', async () => {
    const db = openDatabase(tempFile());
    const counts = () =>
      ['municipality', 'department', 'citizen', 'measurement', 'goal', 'goal_rating', 'consent'].map(
        (t) => (sqliteOf(db).prepare(`select count(*) n from ${t}`).get() as { n: number }).n,
      );
    expect((await seedDemo(db)).created).toBe(true);
    const after = counts();
    expect(after.every((n) => n > 0)).toBe(true);
    expect((await seedDemo(db)).created).toBe(false);
    expect(counts()).toEqual(after);
    const kinds = sqliteOf(db).prepare('select distinct kind from department').all() as { kind: string }[];
    expect(kinds).toHaveLength(6);
    sqliteOf(db).close();
  });
});
