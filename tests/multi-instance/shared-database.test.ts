import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peek } from '../support/database.js';
import { type Caller, callerFor } from '../support/graphql.js';
import {
  freshPostgresDatabase,
  type RunningServer,
  removeDir,
  startServer,
  testOnPostgres,
} from '../support/server.js';

/**
 * Two API instances behind one database, as a load balancer would run them: what one writes the
 * other serves, and an idempotency key raced through both stores one row. (Concurrent start-up
 * migrations are tested in api/src/db/postgres.test.ts.)
 */
const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id total } }`;
const RATE = `mutation($input: RateGoalInput!) { rateGoal(input: $input) { id } }`;
const CITIZEN = `query($id: ID!) { citizen(id: $id) { id progression { series { instrumentKey latest } } } }`;

let a: RunningServer;
let b: RunningServer;
// Dev signing keys live beside the database file: one data dir gives both instances one issuer.
const dataDir = mkdtempSync(join(tmpdir(), 'helhed-multi-'));

beforeAll(async () => {
  const database = testOnPostgres ? await freshPostgresDatabase() : null;
  // The first start writes the demo seed and the dev keys, which the second then finds.
  a = await startServer({}, dataDir, database);
  b = await startServer({}, dataDir, database);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  removeDir(dataDir);
});

async function idOf(server: RunningServer, sql: string): Promise<string> {
  const db = await peek(server);
  try {
    return (await db.one<{ id: string }>(sql)).id;
  } finally {
    await db.close();
  }
}

const jobcentreId = (server: RunningServer) =>
  idOf(server, "select id from department where kind = 'EMPLOYMENT'");
const anna = (server: RunningServer) =>
  idOf(server, "select id from citizen where display_name = 'Anna Sørensen'");

async function jobcentreOf(server: RunningServer): Promise<Caller> {
  return callerFor(server.url, { role: 'PROFESSIONAL', departmentId: await jobcentreId(server) });
}

const measurementInput = (citizenId: string, departmentId: string, idempotencyKey: string) => ({
  idempotencyKey,
  citizenId,
  departmentId,
  instrumentKey: 'outcome',
  respondentRole: 'CITIZEN',
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  values: [9.1, 9.2, 9.3, 9.4],
});

describe('two API instances on one database', () => {
  it('serves through B what was written through A', async () => {
    const [viaA, viaB] = await Promise.all([jobcentreOf(a), jobcentreOf(b)]);
    const citizenId = await anna(a);
    const departmentId = await jobcentreId(a);
    const written = await viaA.run<{ recordMeasurement: { id: string; total: number } }>(RECORD, {
      input: measurementInput(citizenId, departmentId, crypto.randomUUID()),
    });
    expect(written.errors).toBeUndefined();
    const read = await viaB.run<{
      citizen: { progression: { series: { instrumentKey: string; latest: number }[] } };
    }>(CITIZEN, { id: citizenId });
    expect(read.errors).toBeUndefined();
    const latest = read.data?.citizen.progression.series
      .filter((s) => s.instrumentKey === 'outcome')
      .map((s) => s.latest);
    expect(latest).toContain(written.data?.recordMeasurement.total);
  });

  it('stores one measurement when the same idempotency key reaches both at once', async () => {
    const [viaA, viaB] = await Promise.all([jobcentreOf(a), jobcentreOf(b)]);
    const citizenId = await anna(a);
    const db = await peek(a);
    try {
      const departmentId = (
        await db.one<{ id: string }>("select id from department where kind = 'EMPLOYMENT'")
      ).id;
      for (let round = 0; round < 5; round++) {
        const key = crypto.randomUUID();
        const input = measurementInput(citizenId, departmentId, key);
        const answers = await Promise.all(
          [viaA, viaB, viaA, viaB].map((c) =>
            c.run<{ recordMeasurement: { id: string } }>(RECORD, { input }),
          ),
        );
        for (const answer of answers) expect(answer.errors).toBeUndefined();
        expect(new Set(answers.map((r) => r.data?.recordMeasurement.id)).size).toBe(1);
        const stored = await db.all<{ id: string }>(
          'select id from measurement where idempotency_key = ?',
          key,
        );
        expect(stored).toHaveLength(1);
      }
    } finally {
      await db.close();
    }
  });

  it('stores one goal rating when the same idempotency key reaches both at once', async () => {
    const db = await peek(a);
    try {
      const owned = await db.one<{ goal_id: string; department_id: string }>(
        "select gd.goal_id, gd.department_id from goal_department gd join goal g on g.id = gd.goal_id where g.status = 'ACTIVE' limit 1",
      );
      const claims = { role: 'PROFESSIONAL', departmentId: owned.department_id };
      const [viaA, viaB] = await Promise.all([callerFor(a.url, claims), callerFor(b.url, claims)]);
      for (let round = 0; round < 5; round++) {
        const key = crypto.randomUUID();
        const input = {
          idempotencyKey: key,
          goalId: owned.goal_id,
          raterRole: 'PROFESSIONAL',
          value: 6,
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
        };
        const answers = await Promise.all(
          [viaA, viaB, viaA, viaB].map((c) => c.run<{ rateGoal: { id: string } }>(RATE, { input })),
        );
        for (const answer of answers) expect(answer.errors).toBeUndefined();
        expect(new Set(answers.map((r) => r.data?.rateGoal.id)).size).toBe(1);
        expect(await db.all('select id from goal_rating where idempotency_key = ?', key)).toHaveLength(1);
      }
    } finally {
      await db.close();
    }
  });
});
