import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBench } from '../../../../bench/seeding/seed-bench.js';
import { openDatabase, sqliteOf } from '../../db/client.js';
import { copyToPostgres } from '../../db/copy-to-postgres.js';
import { migratePostgres } from '../../db/postgres.js';
import {
  createTestDatabase,
  openTestPool,
  startTestPostgres,
  type TestPostgres,
} from '../../testing/postgres.js';
import { builtInInstruments } from '../instruments/index.js';
import { computeStatistics, statisticsOf } from './compute.js';
import { snapWindow } from './period.js';
import { summariseSeriesPg } from './series-query-pg.js';
import type { StatisticsDimension, StatisticsPeriod, StatisticsRequest } from './types.js';

/**
 * The PostgreSQL statistics query must answer what the SQLite one answers: one benchmark data
 * set, seeded into SQLite and copied into PostgreSQL, asked the same questions on both.
 */
let server: TestPostgres;
let pool: pg.Pool;
const sqliteDb = openDatabase(':memory:');
let municipalityId: string;

beforeAll(async () => {
  server = await startTestPostgres();
  pool = openTestPool(await createTestDatabase(server.url, 'statistics'));
  await migratePostgres(pool);
  seedBench(sqliteDb, { seed: 7, citizens: 400 });
  await copyToPostgres(sqliteOf(sqliteDb), pool);
  municipalityId = (sqliteOf(sqliteDb).prepare('select id from municipality').get() as { id: string }).id;
}, 120_000);
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const outcome = builtInInstruments.find((d) => d.key === 'outcome');

const questions: [string, StatisticsDimension[], StatisticsPeriod][] = [
  ['by department kind, per month', ['DEPARTMENT_KIND'], 'MONTH'],
  ['by target group and period, per quarter', ['TARGET_GROUP', 'PERIOD'], 'QUARTER'],
  ['by intervention type and period, per year', ['INTERVENTION_TYPE', 'PERIOD'], 'YEAR'],
  ['by period, per month', ['PERIOD'], 'MONTH'],
];

describe('anonymous statistics on PostgreSQL', () => {
  it('copies the data set whole', async () => {
    for (const table of ['citizen', 'measurement', 'goal_rating', 'citizen_department']) {
      const inSqlite = (
        sqliteOf(sqliteDb).prepare(`select count(*) as n from ${table}`).get() as { n: number }
      ).n;
      const inPg = Number((await pool.query(`select count(*) as n from ${table}`)).rows[0].n);
      expect({ table, rows: inPg }).toEqual({ table, rows: inSqlite });
    }
  });

  it.each(questions)('answers as SQLite does %s', async (_, groupBy, period) => {
    if (!outcome) throw new Error('no outcome instrument');
    const request: StatisticsRequest = {
      municipalityId,
      definition: outcome,
      departmentId: null,
      targetGroupKey: null,
      groupBy,
      period,
      window: snapWindow('2025-01-01', '2026-10-31', period),
      minCellSize: 5,
    };
    const onSqlite = computeStatistics(sqliteOf(sqliteDb), request);
    const onPg = statisticsOf(await summariseSeriesPg(pool, request), request);
    expect(onSqlite.cells.length).toBeGreaterThan(1);
    expect(onPg).toEqual(onSqlite);
  });

  it('leaves a corrected point out on both, the same way (the data set has no corrections of its own)', async () => {
    if (!outcome) throw new Error('no outcome instrument');
    const request: StatisticsRequest = {
      municipalityId,
      definition: outcome,
      departmentId: null,
      targetGroupKey: null,
      groupBy: ['DEPARTMENT_KIND'],
      period: 'YEAR',
      window: snapWindow('2025-01-01', '2026-10-31', 'YEAR'),
      minCellSize: 5,
    };
    const sqlite = sqliteOf(sqliteDb);
    // A series of three or more points: its last point is made the correction of its first.
    const series = sqlite
      .prepare(
        `select citizen_id as citizenId, department_id as departmentId, json_group_array(id) as ids
         from (select * from measurement where instrument_key = 'outcome'
                 and occurred_at >= ? and occurred_at < ? order by occurred_at, id)
         group by citizen_id, department_id, respondent_role having count(*) >= 3 limit 1`,
      )
      .get(request.window.startMs, request.window.endMs) as {
      citizenId: string;
      departmentId: string;
      ids: string;
    };
    const ids = JSON.parse(series.ids) as string[];
    const first = ids[0] as string;
    const last = ids.at(-1) as string;
    const pointsOf = (rows: { citizenId: string; departmentId: string; points: number }[]) =>
      rows.find((r) => r.citizenId === series.citizenId && r.departmentId === series.departmentId)?.points;
    expect(pointsOf(await summariseSeriesPg(pool, request))).toBe(ids.length);

    sqlite.prepare('update measurement set supersedes_id = ? where id = ?').run(first, last);
    await pool.query('update measurement set supersedes_id = $1 where id = $2', [first, last]);

    expect(pointsOf(await summariseSeriesPg(pool, request))).toBe(ids.length - 1);
    expect(statisticsOf(await summariseSeriesPg(pool, request), request)).toEqual(
      computeStatistics(sqlite, request),
    );
  });
});
