import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BENCH_DEFAULT_UNTIL,
  type BenchDataSummary,
  seedBench,
} from '../../../../bench/seeding/seed-bench.js';
import { economyStatistics } from '../../domain/economy-statistics.js';
import { createInstrumentCatalog } from '../../domain/instrument-catalog.js';
import { openDatabase, sqliteOf } from '../client.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Seeds a tiny benchmark municipality into a fresh file and hands back what a test reads. */
function generate(seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-seed-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const summary = seedBench(db, { seed, citizens: 20 });
  const sqlite = sqliteOf(db);
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  const firstRows = {
    citizens: all('SELECT * FROM citizen ORDER BY rowid LIMIT 3'),
    measurements: all('SELECT * FROM measurement ORDER BY rowid LIMIT 5'),
    ratings: all('SELECT * FROM goal_rating ORDER BY rowid LIMIT 5'),
  };
  return { sqlite, summary, firstRows, all, close: () => sqlite.close() };
}

const count = (s: BenchDataSummary, table: string) => s.counts[table] ?? 0;

describe('seedBench costs', () => {
  it('gives the economy figures plans with a baseline year to compare, with outcomes beside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-seed-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const { municipalityId } = seedBench(db, { seed: 3, citizens: 300 });
    const analyst = {
      subject: 'bench-test',
      role: 'ANALYST' as const,
      municipalityId,
      departmentId: null,
      departmentIds: [],
      citizenId: null,
      purpose: 'statistics',
    };
    const stats = await economyStatistics(
      db,
      analyst,
      createInstrumentCatalog([], () => undefined),
      BENCH_DEFAULT_UNTIL,
      5,
    );
    const published = stats.comparison.filter((c) => !c.suppressed);
    expect(published.length).toBeGreaterThan(0);
    expect(published.some((c) => (c.withOutcome ?? 0) > 0)).toBe(true);
    expect(stats.followUp.some((f) => !f.suppressed && (f.actualOre ?? 0) > 0)).toBe(true);
    sqliteOf(db).close();
  });
});

describe('seedBench', () => {
  it('gives the same data for the same seed and different data for another', () => {
    const a = generate(7);
    const b = generate(7);
    const c = generate(8);
    expect(b.summary.counts).toEqual(a.summary.counts);
    expect(b.firstRows).toEqual(a.firstRows);
    expect(c.firstRows.measurements).not.toEqual(a.firstRows.measurements);
    expect(c.firstRows.citizens).not.toEqual(a.firstRows.citizens);
    for (const g of [a, b, c]) g.close();
  });

  it('writes a complete municipality at a small scale', () => {
    const g = generate(1);
    const s = g.summary;
    expect(count(s, 'citizen')).toBe(20);
    expect(count(s, 'department')).toBe(6);
    expect(count(s, 'family')).toBeGreaterThan(0);
    expect(count(s, 'citizen_target_group')).toBeGreaterThanOrEqual(20);
    // 10–20 sessions per contact, each with an outcome and a session measurement.
    expect(count(s, 'measurement')).toBeGreaterThanOrEqual(20 * 20);
    for (const table of [
      'plan',
      'goal',
      'goal_department',
      'intervention',
      'intervention_goal',
      'goal_rating',
      'price_version',
      'provision',
      'archetype_line',
    ]) {
      expect(count(s, table), table).toBeGreaterThan(0);
    }
    const perPlan = g.all<{ n: number }>('SELECT count(*) AS n FROM goal GROUP BY plan_id');
    expect(perPlan.every((p) => p.n >= 3 && p.n <= 6)).toBe(true);
    g.close();
  });

  it('only refers to rows that exist, and every total is the sum of its item values', () => {
    const g = generate(3);
    const orphans = g.all<{ n: number }>(`
      SELECT count(*) AS n FROM measurement m
      LEFT JOIN citizen c ON c.id = m.citizen_id AND c.municipality_id = m.municipality_id
      LEFT JOIN department d ON d.id = m.department_id AND d.municipality_id = m.municipality_id
      LEFT JOIN professional p ON p.id = m.professional_id
      LEFT JOIN intervention i ON i.id = m.intervention_id
      WHERE c.id IS NULL OR d.id IS NULL OR p.id IS NULL OR (m.intervention_id IS NOT NULL AND i.id IS NULL)`);
    expect(orphans[0]?.n).toBe(0);
    const wrongTotals = g.all<{ id: string }>(`
      SELECT m.id FROM measurement m
      WHERE m.total <> (SELECT sum(j.value) FROM json_each(m.item_values) j)
         OR EXISTS (SELECT 1 FROM json_each(m.item_values) j WHERE j.value NOT BETWEEN 0 AND 100)`);
    expect(wrongTotals).toEqual([]);
    const badRatings = g.all<{ id: string }>(`
      SELECT r.id FROM goal_rating r JOIN goal gl ON gl.id = r.goal_id
      WHERE (gl.instrument_key = 'goal-scale' AND r.value NOT BETWEEN 0 AND 100)
         OR (gl.instrument_key = 'gas' AND r.value NOT IN (-20, -10, 0, 10, 20))`);
    expect(badRatings).toEqual([]);
    expect(g.sqlite.pragma('foreign_key_check')).toEqual([]);
    g.close();
  });
});
