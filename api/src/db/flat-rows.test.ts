import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { type FlatFields, flatRows } from './flat-rows.js';
import { family, goal, measurement, plan } from './tables.js';

// flatRows must answer exactly what drizzle's own mapping answers, column type by column type:
// the caseload (domain/caseload) reads its thousands of rows through it.
describe('flatRows on SQLite', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const same = async (fields: FlatFields, query: () => Parameters<typeof flatRows>[2]) => {
    const expected = await query();
    expect(expected.length).toBeGreaterThan(0);
    expect(await flatRows(api.app.db, fields, query())).toEqual(expected);
  };

  it('decodes timestamps, JSON, integers and nulls as drizzle does', async () => {
    const { db } = api.app;
    const fields = {
      id: measurement.id,
      occurredAt: measurement.occurredAt,
      itemValues: measurement.itemValues,
      total: measurement.total,
      session: measurement.session,
      supersedesId: measurement.supersedesId,
    };
    await same(fields, () => db.select(fields).from(measurement));
    const rows = await flatRows(api.app.db, fields, db.select(fields).from(measurement));
    expect(rows[0]?.occurredAt).toBeInstanceOf(Date);
    expect(Array.isArray(rows[0]?.itemValues)).toBe(true);
  });

  it('decodes booleans and nullable timestamps', async () => {
    const { db } = api.app;
    const fields = {
      id: goal.id,
      dominant: goal.dominant,
      lastRatedAt: goal.lastRatedAt,
      status: goal.status,
    };
    await same(fields, () => db.select(fields).from(goal));
    const rows = await flatRows(db, fields, db.select(fields).from(goal));
    expect(rows.some((r) => typeof r.dominant === 'boolean')).toBe(true);
  });

  it('answers null for the columns of a left join that found nothing', async () => {
    const { db } = api.app;
    const fields = { id: plan.id, familyId: plan.familyId, familyName: family.name };
    const query = () => db.select(fields).from(plan).leftJoin(family, eq(family.id, plan.familyId));
    await same(fields, query);
    const rows = await flatRows(db, fields, query());
    expect(rows.some((r) => r.familyName === null)).toBe(true);
    expect(rows.some((r) => typeof r.familyName === 'string')).toBe(true);
  });

  it('refuses a selection that is not plain columns', async () => {
    const { db } = api.app;
    const fields = { n: sql<number>`1` } as unknown as FlatFields;
    await expect(flatRows(db, fields, db.select({ n: sql<number>`1` }).from(plan))).rejects.toThrow(
      /not a table column/,
    );
  });
});
