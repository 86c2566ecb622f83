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
});
