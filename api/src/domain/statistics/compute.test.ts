import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase, single, sqliteOf } from '../../db/client.js';
import {
  citizen,
  citizenTargetGroup,
  department,
  measurement,
  municipality,
  targetGroup,
} from '../../db/tables.js';
import { builtInInstruments } from '../instruments/index.js';
import { snapWindow } from './period.js';
import { createStatisticsRunner, type StatisticsRunner } from './runner.js';
import type { StatisticsCell, StatisticsRequest } from './types.js';

const outcome = builtInInstruments.find((d) => d.key === 'outcome');
if (!outcome) throw new Error('outcome instrument missing');

let dir: string;
let db: Db;
let runner: StatisticsRunner;
let m: string;
const dept: Record<string, string> = {};
const adults: string[] = [];

/** Adds one citizen (adult) with a series of totals (scale units), one every 7 days from `start`. */
async function person(
  kind: string,
  totals: number[],
  start = '2026-01-05',
  role: 'CITIZEN' | 'PARENT' = 'CITIZEN',
) {
  const c = single(
    await db
      .insert(citizen)
      .values({ municipalityId: m, displayName: 'Test', birthYear: 1980, createdAt: new Date() })
      .returning(),
  ).id;
  await addSeries(c, kind, totals, start, role);
  return c;
}

async function addSeries(
  c: string,
  kind: string,
  totals: number[],
  start: string,
  role: 'CITIZEN' | 'PARENT' = 'CITIZEN',
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, t] of totals.entries()) {
    const at = new Date(Date.parse(`${start}T10:00:00Z`) + i * 7 * 86_400_000);
    const row = single(
      await db
        .insert(measurement)
        .values({
          municipalityId: m,
          citizenId: c,
          departmentId: dept[kind] as string,
          instrumentKey: 'outcome',
          instrumentVersion: 1,
          respondentRole: role,
          occurredAt: at,
          recordedAt: at,
          total: Math.round(t * 10),
          itemValues: [0, 0, 0, Math.round(t * 10)],
          idempotencyKey: crypto.randomUUID(),
          recordedBy: 'test',
        })
        .returning(),
    );
    ids.push(row.id);
  }
  return ids;
}

const request = (over: Partial<StatisticsRequest> = {}): StatisticsRequest => ({
  municipalityId: m,
  definition: outcome,
  departmentId: null,
  targetGroupKey: null,
  groupBy: ['DEPARTMENT_KIND'],
  period: 'QUARTER',
  window: snapWindow('2026-02-15', '2026-03-10', 'QUARTER'),
  minCellSize: 5,
  ...over,
});
const cell = (cells: StatisticsCell[], kind: string) => cells.find((c) => c.departmentKind === kind);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helhed-statistics-'));
  db = openDatabase(join(dir, 'statistics.sqlite'));
  runner = createStatisticsRunner(db);
  m = single(
    await db.insert(municipality).values({ name: 'Test', code: 'test', createdAt: new Date() }).returning(),
  ).id;
  for (const kind of ['EMPLOYMENT', 'ADULT_SOCIAL', 'HEALTH']) {
    dept[kind] = single(
      await db
        .insert(department)
        .values({ municipalityId: m, kind: kind as 'EMPLOYMENT', name: kind })
        .returning(),
    ).id;
  }
  // EMPLOYMENT, adults (cutoff 25, reliable change 5):
  const first = await person('EMPLOYMENT', [15, 40]); // 40 is a typo, corrected to 22 below
  const typo = (await db.select().from(measurement)).find((r) => r.citizenId === first && r.total === 400);
  const [fix] = await addSeries(first, 'EMPLOYMENT', [22], '2026-01-12');
  sqliteOf(db).prepare('update measurement set supersedes_id = ? where id = ?').run(typo?.id, fix);
  await person('EMPLOYMENT', [20, 24, 27]); //   +7 IMPROVED, 20 < 25 ≤ 27 RECOVERED
  await person('EMPLOYMENT', [18, 30]); //       +12 IMPROVED, RECOVERED
  const flat = await person('EMPLOYMENT', [25, 27]); // +2 NO_RELIABLE_CHANGE…
  await addSeries(flat, 'EMPLOYMENT', [5], '2025-12-01'); // …a December point lies outside the window
  await person('EMPLOYMENT', [30, 24]); //       −6 DETERIORATED
  const twice = await person('EMPLOYMENT', [22, 21]); // −1 NO_RELIABLE_CHANGE…
  await addSeries(twice, 'EMPLOYMENT', [10, 30], '2026-02-01', 'PARENT'); // …a shorter second series: still one citizen
  await person('EMPLOYMENT', [12]); //           one point: not a series
  for (let i = 0; i < 3; i++) adults.push(await person('ADULT_SOCIAL', [20, 26]));
  for (let i = 0; i < 5; i++) await person('HEALTH', [20, 20 - i]);
});

afterAll(async () => {
  await runner.close();
  sqliteOf(db).close();
  rmSync(dir, { recursive: true, force: true });
});

describe('computeStatistics through the worker thread', () => {
  it('classifies each citizen once with the scoring rules: a hand-computed cell', async () => {
    const result = await runner.run(request());
    expect([result.from, result.to]).toEqual(['2026-01-01', '2026-03-31']);
    // Changes 7, 7, 12, 2, −6, −1: mean 21/6 = 3.5; squared deviations sum 209.5; /5 → SD 6.47.
    expect(cell(result.cells, 'EMPLOYMENT')).toEqual({
      departmentKind: 'EMPLOYMENT',
      targetGroup: null,
      interventionType: null,
      period: null,
      n: 6,
      improved: 3,
      noChange: 2,
      deteriorated: 1,
      recovered: 2,
      meanChange: 3.5,
      sdChange: 6.47,
      suppressed: false,
    });
  });

  it('suppresses a cell of 3 citizens and, complementarily, the next-smallest cell', async () => {
    const result = await runner.run(request());
    expect(cell(result.cells, 'ADULT_SOCIAL')).toMatchObject({ suppressed: true, n: null, improved: null });
    expect(cell(result.cells, 'HEALTH')).toMatchObject({ suppressed: true, n: null, meanChange: null });
    expect(cell(result.cells, 'EMPLOYMENT')?.suppressed).toBe(false);
  });

  it('hides a cell of three or more under a threshold of 3 when all its citizens share one outcome', async () => {
    const result = await runner.run(request({ minCellSize: 3 }));
    // All three improved, all five unchanged: publishing would tell each citizen's outcome.
    expect(cell(result.cells, 'ADULT_SOCIAL')).toMatchObject({ suppressed: true, n: null, improved: null });
    expect(cell(result.cells, 'HEALTH')).toMatchObject({ suppressed: true, n: null, noChange: null });
    expect(cell(result.cells, 'EMPLOYMENT')).toMatchObject({ suppressed: false, n: 6 });
  });

  it('filters by department and target group', async () => {
    const result = await runner.run(request({ departmentId: dept.HEALTH as string, minCellSize: 3 }));
    expect(result.cells.map((c) => c.departmentKind)).toEqual(['HEALTH']);
    const group = single(
      await db.insert(targetGroup).values({ municipalityId: m, key: 'young', name: 'Young' }).returning(),
    );
    for (const id of adults)
      await db.insert(citizenTargetGroup).values({ citizenId: id, targetGroupId: group.id });
    const young = await runner.run(request({ targetGroupKey: 'young', minCellSize: 3, groupBy: [] }));
    expect(young.cells).toHaveLength(1);
    // Three citizens who all improved: the cell exists, but tells everyone's outcome, so hidden.
    expect(young.cells[0]).toMatchObject({ departmentKind: null, suppressed: true });
    const byGroup = await runner.run(request({ groupBy: ['TARGET_GROUP'], minCellSize: 3 }));
    expect(byGroup.cells.map((c) => [c.targetGroup, c.suppressed])).toEqual([
      [null, true],
      ['young', true],
    ]);
  });

  it('analyses each period on its own when grouped by PERIOD', async () => {
    for (let i = 0; i < 3; i++) await person('EMPLOYMENT', [10, 20], '2026-02-02');
    await person('EMPLOYMENT', [20, 20], '2026-02-02'); // one unchanged: February is not uniform
    const result = await runner.run(
      request({
        groupBy: ['PERIOD'],
        period: 'MONTH',
        minCellSize: 3,
        window: snapWindow('2026-01-01', '2026-02-28', 'MONTH'),
      }),
    );
    // January holds the setup's series (5th, 12th, …): 14 citizens. February holds the PARENT
    // series (1st and 8th, 10 → 30) of one of them, three new ones (10 → 20) and one unchanged.
    expect(result.cells.map((c) => [c.period, c.n, c.improved])).toEqual([
      ['2026-01', 14, 6],
      ['2026-02', 5, 4],
    ]);
  });

  it('answers concurrent jobs from a pool of workers, each the same as a single worker', async () => {
    const pool = createStatisticsRunner(db, 2);
    try {
      const alone = await runner.run(request());
      const together = await Promise.all([pool.run(request()), pool.run(request()), pool.run(request())]);
      for (const result of together) expect(result).toEqual(alone);
      expect(alone.cells.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
    // A closed pool starts fresh workers when used again.
    const again = createStatisticsRunner(db, 2);
    await again.close();
    expect((await again.run(request())).cells).toEqual((await runner.run(request())).cells);
    await again.close();
  });

  it('gives the same answer in-process for an in-memory database', async () => {
    const memory = openDatabase(':memory:');
    const inProcess = createStatisticsRunner(memory);
    const empty = await inProcess.run(request());
    expect(empty.cells).toEqual([]);
    sqliteOf(memory).close();
  });
});
