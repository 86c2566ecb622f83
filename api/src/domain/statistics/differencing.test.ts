import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { type Db, openDatabase, single, sqliteOf } from '../../db/client.js';
import {
  citizen,
  citizenTargetGroup,
  department,
  measurement,
  municipality,
  targetGroup,
} from '../../db/tables.js';
import { createInstrumentCatalog } from '../instrument-catalog.js';
import { progressionStatistics, type StatisticsFilter } from './query.js';
import { createStatisticsRunner, type StatisticsRunner } from './runner.js';
import type { StatisticsCell } from './types.js';

/**
 * Issue #16 item 8: a cell hidden in the municipality's table is never published by asking for
 * a slice of it (a department or target-group filter), and no cell tells everyone's outcome.
 */
let dir: string;
let db: Db;
let runner: StatisticsRunner;
let m: string;
let analyst: Actor;
const dept: Record<string, string> = {};
const group: Record<string, string> = {};
const catalog = createInstrumentCatalog([], () => 'test');

/** One adult citizen with a series of totals (scale units), one a week from `start`. */
async function person(kind: string, totals: number[], groupKey: string | null, start = '2026-01-05') {
  const c = single(
    await db
      .insert(citizen)
      .values({ municipalityId: m, displayName: 'Test', birthYear: 1980, createdAt: new Date(0) })
      .returning(),
  ).id;
  if (groupKey)
    await db.insert(citizenTargetGroup).values({ citizenId: c, targetGroupId: group[groupKey] as string });
  for (const [i, t] of totals.entries()) {
    const at = new Date(Date.parse(`${start}T10:00:00Z`) + i * 7 * 86_400_000);
    await db.insert(measurement).values({
      municipalityId: m,
      citizenId: c,
      departmentId: dept[kind] as string,
      instrumentKey: 'outcome',
      instrumentVersion: 1,
      respondentRole: 'CITIZEN',
      occurredAt: at,
      recordedAt: at,
      total: Math.round(t * 10),
      itemValues: [0, 0, 0, Math.round(t * 10)],
      idempotencyKey: crypto.randomUUID(),
      recordedBy: 'test',
    });
  }
}

/** Mixed outcomes (reliable change 5): unchanged, improved, worse, unchanged, unchanged, … */
const mixed = [
  [20, 20],
  [20, 30],
  [20, 12],
  [20, 21],
  [20, 19],
  [20, 22],
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helhed-differencing-'));
  db = openDatabase(join(dir, 'statistics.sqlite'));
  runner = createStatisticsRunner(db);
  m = single(
    await db
      .insert(municipality)
      .values({ name: 'Test', code: 'test', createdAt: new Date(0) })
      .returning(),
  ).id;
  analyst = {
    subject: 'analyst',
    role: 'ANALYST',
    municipalityId: m,
    departmentId: null,
    departmentIds: [],
    citizenId: null,
    purpose: 'statistics',
  };
  for (const kind of ['EMPLOYMENT', 'ADULT_SOCIAL', 'HEALTH', 'EDUCATION']) {
    dept[kind] = single(
      await db
        .insert(department)
        .values({ municipalityId: m, kind: kind as 'EMPLOYMENT', name: kind })
        .returning(),
    ).id;
  }
  for (const key of ['small', 'five']) {
    group[key] = single(
      await db.insert(targetGroup).values({ municipalityId: m, key, name: key }).returning(),
    ).id;
  }
  // Q1 2026: EMPLOYMENT 6 (no group), ADULT_SOCIAL 3 (group "small": primary suppression),
  // HEALTH 5 (group "five"): hidden by complementary suppression, else ADULT = total − the rest.
  for (const totals of mixed) await person('EMPLOYMENT', totals, null);
  for (const totals of mixed.slice(0, 3)) await person('ADULT_SOCIAL', totals, 'small');
  for (const totals of mixed.slice(0, 5)) await person('HEALTH', totals, 'five');
  // Q2 2026: EDUCATION 6, every one of them improved; EMPLOYMENT 6 mixed.
  for (let i = 0; i < 6; i++) await person('EDUCATION', [10, 20 + i], null, '2026-04-06');
  for (const totals of mixed) await person('EMPLOYMENT', totals, null, '2026-04-06');
});

afterAll(async () => {
  await runner.close();
  sqliteOf(db).close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (filter: Partial<StatisticsFilter>) =>
  progressionStatistics(
    db,
    analyst,
    catalog,
    runner,
    { instrumentKey: 'outcome', from: '2026-01-01', to: '2026-03-31', period: 'QUARTER', ...filter },
    5,
  );
const byKind = (cells: StatisticsCell[], kind: string) => cells.find((c) => c.departmentKind === kind);
const byGroup = (cells: StatisticsCell[], key: string | null) => cells.find((c) => c.targetGroup === key);

describe('statistics cannot be differenced', () => {
  it('hides the complementary cell in the full table by department kind', async () => {
    const full = await ask({ groupBy: ['DEPARTMENT_KIND'] });
    expect(byKind(full.cells, 'ADULT_SOCIAL')?.suppressed).toBe(true);
    expect(byKind(full.cells, 'HEALTH')?.suppressed).toBe(true);
    expect(byKind(full.cells, 'EMPLOYMENT')).toMatchObject({ suppressed: false, n: 6 });
  });

  it('keeps that cell hidden when the department is asked for alone', async () => {
    const alone = await ask({ groupBy: ['DEPARTMENT_KIND'], departmentId: dept.HEALTH });
    expect(alone.cells).toHaveLength(1);
    expect(byKind(alone.cells, 'HEALTH')).toMatchObject({ suppressed: true, n: null, improved: null });
    // A department whose cell the full table publishes is still answered.
    const open = await ask({ groupBy: ['DEPARTMENT_KIND'], departmentId: dept.EMPLOYMENT });
    expect(byKind(open.cells, 'EMPLOYMENT')).toMatchObject({ suppressed: false, n: 6 });
  });

  it('keeps a complementary cell hidden when its target group is asked for alone', async () => {
    const full = await ask({ groupBy: ['TARGET_GROUP'] });
    expect(byGroup(full.cells, 'small')?.suppressed).toBe(true);
    expect(byGroup(full.cells, 'five')?.suppressed).toBe(true);
    const alone = await ask({ groupBy: ['DEPARTMENT_KIND'], targetGroup: 'five' });
    expect(alone.cells.length).toBeGreaterThan(0);
    for (const cell of alone.cells) expect(cell).toMatchObject({ suppressed: true, n: null });
  });

  it('publishes no cell in which every citizen has the same outcome', async () => {
    const q2 = await ask({ groupBy: ['DEPARTMENT_KIND'], from: '2026-04-01', to: '2026-06-30' });
    expect(byKind(q2.cells, 'EDUCATION')).toMatchObject({ suppressed: true, improved: null });
    // …and, as the only other cell of its line, the mixed one is hidden with it.
    expect(byKind(q2.cells, 'EMPLOYMENT')?.suppressed).toBe(true);
  });
});
