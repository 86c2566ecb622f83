import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, sqliteOf } from './client.js';
import { municipality } from './tables.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const names = async (db: ReturnType<typeof openDatabase>) =>
  (await db.select({ name: municipality.name }).from(municipality)).map((m) => m.name).sort();
const add = (db: ReturnType<typeof openDatabase>, name: string) =>
  db.insert(municipality).values({ name, code: name, createdAt: new Date() });

describe('the SQLite handle', () => {
  it('rolls back all of an async transaction when it throws', async () => {
    const db = openDatabase(':memory:');
    await expect(
      db.transaction(async (tx) => {
        await add(tx, 'a');
        await tick();
        await add(tx, 'b');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await names(db)).toEqual([]);
    expect(sqliteOf(db).inTransaction).toBe(false);
  });

  it('keeps another request’s write out of an open transaction that then rolls back', async () => {
    const db = openDatabase(':memory:');
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = db.transaction(async (tx) => {
      await add(tx, 'inside');
      await gate;
      throw new Error('rolled back');
    });
    await tick();
    // Sent while the transaction is open (then() starts a drizzle query): it must wait, then
    // commit on its own.
    const outside = add(db, 'outside').then(() => 'written');
    await tick();
    release();
    await expect(failing).rejects.toThrow('rolled back');
    expect(await outside).toBe('written');
    expect(await names(db)).toEqual(['outside']);
  });

  it('runs concurrent transactions one after the other, never interleaved', async () => {
    const db = openDatabase(':memory:');
    const order: string[] = [];
    const work = (name: string) =>
      db.transaction(async (tx) => {
        order.push(`${name} begins`);
        await add(tx, name);
        await tick();
        order.push(`${name} ends`);
      });
    await Promise.all([work('a'), work('b')]);
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    expect(await names(db)).toEqual(['a', 'b']);
  });

  it('lets code inside a transaction use the outer handle without waiting for itself', async () => {
    const db = openDatabase(':memory:');
    await db.transaction(async (tx) => {
      await add(tx, 'a');
      // The outer handle sees the transaction's own write, as a synchronous transaction did.
      const seen = await db.select().from(municipality).where(eq(municipality.code, 'a'));
      expect(seen).toHaveLength(1);
    });
  });
});
