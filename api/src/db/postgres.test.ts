import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectTestDatabase,
  createTestDatabase,
  startTestPostgres,
  type TestPostgres,
} from '../testing/postgres.js';
import { openPostgres } from './postgres.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

describe('openPostgres', () => {
  it('lets instances that start at once migrate one database once', async () => {
    const url = await createTestDatabase(server.url, 'startup');
    const handles = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    const look = await connectTestDatabase(url);
    try {
      const applied = await look.query<{ n: string }>(
        'select count(*) as n from drizzle.__drizzle_migrations',
      );
      // Each migration of the PostgreSQL journal exactly once, however many there are.
      const journal = JSON.parse(
        readFileSync(new URL('./migrations-pg/meta/_journal.json', import.meta.url), 'utf8'),
      ) as { entries: unknown[] };
      expect(Number(applied[0]?.n)).toBe(journal.entries.length);
      expect(journal.entries.length).toBeGreaterThanOrEqual(3);
      const tables = await look.query<{ n: string }>(
        "select count(*) as n from information_schema.tables where table_schema = 'public'",
      );
      expect(Number(tables[0]?.n)).toBeGreaterThan(15);
    } finally {
      await look.end();
      await Promise.all(handles.map((h) => h.$close()));
    }
  });

  it('keeps the audit trail append-only', async () => {
    const url = await createTestDatabase(server.url, 'audit');
    const db = await openPostgres(url);
    const look = await connectTestDatabase(url);
    try {
      await look.query(
        "insert into audit_event (municipality_id, at, actor_id, actor_role, action, purpose, outcome) values ('m', now(), 'a', 'ADMIN', 'x', 'p', 'ALLOWED')",
      );
      await expect(look.query("update audit_event set outcome = 'DENIED'")).rejects.toThrow(/append-only/);
      await expect(look.query('delete from audit_event')).rejects.toThrow(/append-only/);
      await expect(look.query('truncate audit_event')).rejects.toThrow(/append-only/);
      expect(await look.query('select outcome from audit_event')).toEqual([{ outcome: 'ALLOWED' }]);
    } finally {
      await look.end();
      await db.$close();
    }
  });
});
