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
import { snapWindow } from './period.js';
import { summariseSeries } from './series-query.js';
import { summariseSeriesPg } from './series-query-pg.js';
import type { StatisticsPeriod, StatisticsRequest } from './types.js';

/**
 * Statistics periods are Copenhagen calendar periods on both databases: two measurements of one
 * citizen a minute apart at each instant below, alone in a department of their own, must land in
 * the period named, whatever UTC says. Instants are written with Copenhagen's offset.
 */
const cases: { at: string; month: string; quarter: string; year: string }[] = [
  // The example: late on the last day of Q1.
  { at: '2026-03-31T23:30:00+02:00', month: '2026-03', quarter: '2026-Q1', year: '2026' },
  // Just after midnight on 1 April: still 31 March in UTC.
  { at: '2026-04-01T00:30:00+02:00', month: '2026-04', quarter: '2026-Q2', year: '2026' },
  // New Year: 2026 in UTC, 2027 in Copenhagen.
  { at: '2027-01-01T00:10:00+01:00', month: '2027-01', quarter: '2027-Q1', year: '2027' },
  { at: '2026-12-31T23:50:00+01:00', month: '2026-12', quarter: '2026-Q4', year: '2026' },
  // Spring forward (29 March 2026, 02:00 → 03:00) and the first of November after falling back.
  { at: '2026-03-29T03:30:00+02:00', month: '2026-03', quarter: '2026-Q1', year: '2026' },
  { at: '2026-11-01T00:05:00+01:00', month: '2026-11', quarter: '2026-Q4', year: '2026' },
  // Fall back (25 October 2026): 02:30 happens twice; both are October.
  { at: '2026-10-25T02:30:00+01:00', month: '2026-10', quarter: '2026-Q4', year: '2026' },
];

let server: TestPostgres;
let pool: pg.Pool;
const sqliteDb = openDatabase(':memory:');
let municipalityId: string;
const DEPARTMENT = 'calendar-test-department';
const citizenOfCase: string[] = [];

beforeAll(async () => {
  seedBench(sqliteDb, { seed: 11, citizens: 12 });
  const sqlite = sqliteOf(sqliteDb);
  municipalityId = (sqlite.prepare('select id from municipality').get() as { id: string }).id;
  const citizens = sqlite.prepare('select id from citizen order by id').all() as { id: string }[];
  sqlite
    .prepare("insert into department (id, municipality_id, kind, name) values (?, ?, 'OTHER', 'Kalender')")
    .run(DEPARTMENT, municipalityId);
  const insert = sqlite.prepare(
    `insert into measurement (id, municipality_id, citizen_id, department_id, instrument_key, instrument_version,
       respondent_role, occurred_at, recorded_at, total, item_values, idempotency_key, recorded_by)
     values (?, ?, ?, ?, 'outcome', 1, 'CITIZEN', ?, ?, ?, '[50,50,50,50]', ?, 'calendar-test')`,
  );
  cases.forEach((c, i) => {
    const citizenId = citizens[i]?.id as string;
    citizenOfCase.push(citizenId);
    const at = Date.parse(c.at);
    for (const [n, offset] of [0, 60_000].entries()) {
      insert.run(
        `cal-${i}-${n}`,
        municipalityId,
        citizenId,
        DEPARTMENT,
        at + offset,
        at,
        200,
        `cal-${i}-${n}`,
      );
    }
  });
  server = await startTestPostgres();
  pool = openTestPool(await createTestDatabase(server.url, 'calendar'));
  await migratePostgres(pool);
  await copyToPostgres(sqlite, pool);
}, 120_000);
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const outcome = builtInInstruments.find((d) => d.key === 'outcome');
const request = (period: StatisticsPeriod, from = '2026-01-01', to = '2027-12-31'): StatisticsRequest => {
  if (!outcome) throw new Error('no outcome instrument');
  return {
    municipalityId,
    definition: outcome,
    departmentId: DEPARTMENT,
    targetGroupKey: null,
    groupBy: ['PERIOD'],
    period,
    window: snapWindow(from, to, period),
    minCellSize: 1,
  };
};

const expected = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' } as const;

describe.each(['SQLite', 'PostgreSQL'] as const)('Copenhagen calendar periods on %s', (dialect) => {
  const summarise = (req: StatisticsRequest) =>
    dialect === 'SQLite'
      ? Promise.resolve(summariseSeries(sqliteOf(sqliteDb), req))
      : summariseSeriesPg(pool, req);

  it.each(['MONTH', 'QUARTER', 'YEAR'] as const)(
    'puts each measurement in its Copenhagen %s',
    async (period) => {
      const summaries = await summarise(request(period));
      const byCitizen = new Map(summaries.map((s) => [s.citizenId, s.period]));
      const wanted = cases.map((c, i) => ({
        at: c.at,
        period: c[expected[period]],
        citizen: citizenOfCase[i],
      }));
      expect(wanted.map((w) => ({ at: w.at, period: byCitizen.get(w.citizen as string) }))).toEqual(
        wanted.map((w) => ({ at: w.at, period: w.period })),
      );
    },
  );

  it('starts a window at Copenhagen midnight: 1 April 00:30 is in, 31 March 23:30 is out', async () => {
    const summaries = await summarise(request('MONTH', '2026-04-01', '2026-04-30'));
    const inside = new Set(summaries.map((s) => s.citizenId));
    expect(inside.has(citizenOfCase[1] as string)).toBe(true);
    expect(inside.has(citizenOfCase[0] as string)).toBe(false);
  });

  it('ends a year at Copenhagen midnight: New Year 00:10 belongs to the next year only', async () => {
    const summaries = await summarise(request('YEAR', '2026-01-01', '2026-12-31'));
    const inside = new Set(summaries.map((s) => s.citizenId));
    expect(inside.has(citizenOfCase[3] as string)).toBe(true);
    expect(inside.has(citizenOfCase[2] as string)).toBe(false);
  });
});
