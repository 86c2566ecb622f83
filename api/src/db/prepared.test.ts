import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './client.js';
import { prepared } from './prepared.js';
import { municipality } from './tables.js';

describe('prepared queries', () => {
  it('builds a query once per handle and key, and runs it with each call’s values', async () => {
    const db = openDatabase(':memory:');
    await db.insert(municipality).values([
      { name: 'A', code: 'a', createdAt: new Date() },
      { name: 'B', code: 'b', createdAt: new Date() },
    ]);
    let builds = 0;
    const build = (on: Db) => {
      builds += 1;
      return on
        .select({ name: municipality.name })
        .from(municipality)
        .where(eq(municipality.code, sql.placeholder('code')))
        .prepare();
    };
    const byCode = (code: string) => prepared(db, 'municipality-by-code', build).execute({ code });
    expect(await byCode('a')).toEqual([{ name: 'A' }]);
    expect(await byCode('b')).toEqual([{ name: 'B' }]);
    expect(builds).toBe(1);
    // Inside a transaction the handle is another one, with its own query.
    await db.transaction(async (tx) => {
      const inside = await prepared(tx, 'municipality-by-code', build).execute({ code: 'a' });
      expect(inside).toEqual([{ name: 'A' }]);
    });
    expect(builds).toBe(2);
    await db.$close();
  });
});
