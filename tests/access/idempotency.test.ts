import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { buildWorld, countRows, iso, type World } from './world.js';

/**
 * Issue #16 item 5: idempotency keys belong to the writer. Another department's key is a new
 * key (never a replay of that department's measurement), and a key reused with different
 * content is CONFLICT that says nothing about the stored request.
 */
const MEASURE = `mutation($input: RecordMeasurementInput!) {
  recordMeasurement(input: $input) { id citizenId total values department { kind } } }`;
const RATE = 'mutation($input: RateGoalInput!) { rateGoal(input: $input) { id goalId raterRole value } }';

type Recorded = {
  recordMeasurement: {
    id: string;
    citizenId: string;
    total: number;
    values: number[];
    department: { kind: string };
  };
};

let server: RunningServer;
let world: World;
let mentor: Caller;
let school: Caller;
const occurredAt = iso(3_600_000);

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  mentor = await callerFor(server.url, {
    role: 'PROFESSIONAL',
    departmentId: world.dept.EMPLOYMENT as string,
  });
  school = await callerFor(server.url, {
    role: 'PROFESSIONAL',
    departmentId: world.dept.EDUCATION as string,
  });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const measurement = (departmentId: string, values: number[], key: string) => ({
  input: {
    idempotencyKey: key,
    citizenId: world.citizen.anna,
    departmentId,
    instrumentKey: 'outcome',
    respondentRole: 'CITIZEN',
    occurredAt,
    values,
  },
});

describe('idempotency keys per writer', () => {
  const key = 'shared-key-1';
  let first: Recorded['recordMeasurement'];

  beforeAll(async () => {
    const r = await mentor.run<Recorded>(
      MEASURE,
      measurement(world.dept.EMPLOYMENT as string, [1, 2, 3, 4], key),
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    first = r.data.recordMeasurement;
  });

  it('returns the stored measurement to an exact replay and writes nothing', async () => {
    const before = await countRows(server, 'measurement');
    const again = await mentor.run<Recorded>(
      MEASURE,
      measurement(world.dept.EMPLOYMENT as string, [1, 2, 3, 4], key),
    );
    expect(again.data?.recordMeasurement.id).toBe(first.id);
    expect(await countRows(server, 'measurement')).toBe(before);
  });

  it('gives another department replaying the key a measurement of its own, never the first one', async () => {
    const before = await countRows(server, 'measurement');
    const r = await school.run<Recorded>(
      MEASURE,
      measurement(world.dept.EDUCATION as string, [9, 9, 9, 9], key),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.recordMeasurement.id).not.toBe(first.id);
    expect(r.data?.recordMeasurement.department.kind).toBe('EDUCATION');
    expect(r.data?.recordMeasurement.values).toEqual([9, 9, 9, 9]);
    expect(await countRows(server, 'measurement')).toBe(before + 1);
  });

  it('answers a key reused with different content with CONFLICT, revealing nothing', async () => {
    const before = await countRows(server, 'measurement');
    const r = await mentor.run<Recorded>(
      MEASURE,
      measurement(world.dept.EMPLOYMENT as string, [8, 8, 8, 8], key),
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(r.data ?? null).toBeNull();
    const said = JSON.stringify(r);
    for (const secret of [first.id, world.citizen.anna, '"1,2,3,4"', 'EMPLOYMENT'])
      expect(said).not.toContain(secret);
    expect(await countRows(server, 'measurement')).toBe(before);
  });

  it('answers another rater reusing a goal-rating key with CONFLICT, revealing nothing', async () => {
    const parent = await callerFor(server.url, { role: 'PARENT', citizenId: world.citizen.anna });
    const rating = (raterRole: string, value: number) => ({
      input: { idempotencyKey: 'rating-key-1', goalId: world.goal.sorensen, raterRole, value, occurredAt },
    });
    const mine = await parent.run<{ rateGoal: { id: string } }>(RATE, rating('PARENT', 3));
    expect(mine.errors).toBeUndefined();
    const before = await countRows(server, 'goal_rating');
    const theirs = await mentor.run(RATE, rating('PROFESSIONAL', 7));
    expect(theirs.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(theirs)).not.toContain(mine.data?.rateGoal.id as string);
    expect(await countRows(server, 'goal_rating')).toBe(before);
    const replay = await parent.run<{ rateGoal: { id: string } }>(RATE, rating('PARENT', 3));
    expect(replay.data?.rateGoal.id).toBe(mine.data?.rateGoal.id);
  });
});
