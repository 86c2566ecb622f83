import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from './client.js';
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
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['measurement', 'consent', 'audit_event', 'plan', 'goal_rating']),
    );
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    db.$client.close();
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
    openDatabase(file).$client.close();
    chmodSync(file, 0o400);
    expect(() => openDatabase(file)).toThrow(/not readable and writable/);
  });

  it('reopens an existing database and keeps its data', () => {
    const file = tempFile();
    const first = openDatabase(file);
    seedDemo(first);
    const citizens = (first.$client.prepare('select count(*) n from citizen').get() as { n: number }).n;
    first.$client.close();
    const again = openDatabase(file);
    expect((again.$client.prepare('select count(*) n from citizen').get() as { n: number }).n).toBe(citizens);
    again.$client.close();
  });
});

describe('seedDemo', () => {
  it('seeds once: a second run finds the municipality and adds nothing', () => {
    const db = openDatabase(tempFile());
    const counts = () =>
      ['municipality', 'department', 'citizen', 'measurement', 'goal', 'goal_rating', 'consent'].map(
        (t) => (db.$client.prepare(`select count(*) n from ${t}`).get() as { n: number }).n,
      );
    expect(seedDemo(db).created).toBe(true);
    const after = counts();
    expect(after.every((n) => n > 0)).toBe(true);
    expect(seedDemo(db).created).toBe(false);
    expect(counts()).toEqual(after);
    const kinds = db.$client.prepare('select distinct kind from department').all() as { kind: string }[];
    expect(kinds).toHaveLength(6);
    db.$client.close();
  });
});
