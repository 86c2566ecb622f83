import { tablesNamingCitizens } from '@helhed/api/testing/citizen-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabasePeek, peek } from '../support/database.js';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

/**
 * Merging two records of one person (issue 17), through the real API: the duplicate's
 * measurements, plan, goals, ratings, cases and family membership move to the survivor, whose
 * progression then holds both series; the merge is audited; undo restores every table exactly;
 * confirm makes it final; and each refusal writes nothing. Runs on SQLite and, with
 * HELHED_TEST_DATABASE=postgres, on PostgreSQL.
 */
const SECRET = 'a-test-secret-of-at-least-32-characters';
// Fictional numbers: 23 September 1987 and 4 May 1976.
const CPR = '230987-1234';
const OTHER_CPR = '040576-1234';

const CREATE_CITIZEN = 'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }';
const REGISTER = `mutation($i: RegisterCitizenInput!) {
  registerCitizen(input: $i) { created citizen { id } }
}`;
const RECORD = 'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id } }';
const CREATE_PLAN = 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }';
const ADD_GOAL = 'mutation($i: AddGoalInput!) { addGoal(input: $i) { id } }';
const RATE_GOAL = 'mutation($i: RateGoalInput!) { rateGoal(input: $i) { id } }';
const CREATE_FAMILY = `mutation($i: CreateFamilyInput!) {
  createFamily(input: $i) { id members { citizenId role } }
}`;
const FAMILIES = '{ families { id members { citizenId role } } }';
const SERIES = `query($id: ID!) {
  citizen(id: $id) { progression { series { department { kind } points { total } } } }
}`;
const CITIZENS = 'query($s: String) { citizens(search: $s) { id } }';
const PLANS = 'query($id: ID!) { citizen(id: $id) { plans { id } } }';
const MERGE_FIELDS = `id survivorId duplicateId status reason decidedAt
  movedCounts { measurements plans goals goalRatings cases familyMemberships consents }`;
const MERGE = `mutation($i: MergeCitizensInput!) { mergeCitizens(input: $i) { ${MERGE_FIELDS} } }`;
const UNDO = `mutation($id: ID!) { undoCitizenMerge(id: $id) { ${MERGE_FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmCitizenMerge(id: $id) { ${MERGE_FIELDS} } }`;

type Merge = {
  id: string;
  survivorId: string;
  duplicateId: string;
  status: string;
  reason: string;
  decidedAt: string | null;
  movedCounts: Record<string, number>;
};
type Series = { citizen: { progression: { series: { department: { kind: string } }[] } } };

/** Every table that may name a citizen (audit and the merge's own log aside). */
const TABLES = tablesNamingCitizens;

let server: RunningServer;
let db: DatabasePeek;
let dept: Record<string, string>;
let admin: Caller;
let coordinator: Caller;
let health: Caller;
let jobcentre: Caller;

beforeAll(async () => {
  server = await startServer({ CPR_HMAC_SECRET: SECRET });
  db = await peek(server);
  admin = await callerFor(server.url, { role: 'ADMIN' });
  const listed = await admin.run<{ departments: { id: string; kind: string }[] }>(
    '{ departments { id kind } }',
  );
  dept = Object.fromEntries((listed.data?.departments ?? []).map((d) => [d.kind, d.id]));
  coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
  health = await callerFor(server.url, { role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
  jobcentre = await callerFor(server.url, { role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

/** The whole of those tables, order-free: equal snapshots mean nothing changed. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    out[t] = (await db.all<object>(`select * from ${t}`)).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

async function newCitizen(caller: Caller, displayName: string): Promise<string> {
  const created = await caller.run<{ createCitizen: { id: string } }>(CREATE_CITIZEN, {
    i: { displayName, birthYear: 1987 },
  });
  expect(created.errors).toBeUndefined();
  return created.data?.createCitizen.id as string;
}

async function register(caller: Caller, cpr: string, displayName: string): Promise<string> {
  const registered = await caller.run<{ registerCitizen: { citizen: { id: string } } }>(REGISTER, {
    i: { cpr, displayName },
  });
  expect(registered.errors).toBeUndefined();
  return registered.data?.registerCitizen.citizen.id as string;
}

async function measure(caller: Caller, citizenId: string, departmentId: string, day: string) {
  const recorded = await caller.run(RECORD, {
    i: {
      idempotencyKey: crypto.randomUUID(),
      citizenId,
      departmentId,
      instrumentKey: 'outcome',
      respondentRole: 'CITIZEN',
      occurredAt: `2026-0${day}T10:00:00Z`,
      values: [4, 5, 5, 6],
    },
  });
  expect(recorded.errors).toBeUndefined();
}

const kinds = async (id: string) =>
  ((await coordinator.run<Series>(SERIES, { id })).data?.citizen.progression.series ?? [])
    .map((s) => s.department.kind)
    .sort();

const merge = (survivorId: string, duplicateId: string, caller: Caller = admin) =>
  caller.run<{ mergeCitizens: Merge }>(MERGE, {
    i: { survivorId, duplicateId, reason: 'Registreret to gange af to afdelinger' },
  });

describe('merging two records of one person', () => {
  let survivorId: string;
  let duplicateId: string;
  let planId: string;
  let before: Record<string, string[]>;

  it('moves measurements, plan, goals, ratings, cases and memberships to the survivor, audited', async () => {
    // The health department knew the person without a CPR number; the job centre registered the
    // same person by CPR and worked with that record.
    survivorId = await newCitizen(health, 'Karin Holm');
    await measure(health, survivorId, dept.HEALTH as string, '1-10');
    await measure(health, survivorId, dept.HEALTH as string, '2-10');
    duplicateId = await register(jobcentre, CPR, 'Karin Holm');
    await measure(jobcentre, duplicateId, dept.EMPLOYMENT as string, '1-12');
    await measure(jobcentre, duplicateId, dept.EMPLOYMENT as string, '2-12');
    planId = (
      await coordinator.run<{ createPlan: { id: string } }>(CREATE_PLAN, { i: { citizenId: duplicateId } })
    ).data?.createPlan.id as string;
    const goalId = (
      await coordinator.run<{ addGoal: { id: string } }>(ADD_GOAL, {
        i: {
          planId,
          text: 'Komme i praktik',
          departmentIds: [dept.EMPLOYMENT],
          instrumentKey: 'goal-scale',
          baseline: 2,
          target: 8,
        },
      })
    ).data?.addGoal.id;
    const rated = await coordinator.run(RATE_GOAL, {
      i: {
        idempotencyKey: crypto.randomUUID(),
        goalId,
        raterRole: 'PROFESSIONAL',
        value: 5,
        occurredAt: '2026-02-20T10:00:00Z',
      },
    });
    expect(rated.errors).toBeUndefined();
    const family = await admin.run<{ createFamily: { id: string } }>(CREATE_FAMILY, {
      i: {
        name: 'Familien Holm',
        members: [
          { citizenId: duplicateId, role: 'PARENT' },
          { displayName: 'Ida Holm', birthYear: 2015, role: 'CHILD' },
        ],
      },
    });
    expect(family.errors).toBeUndefined();
    expect(await kinds(survivorId)).toEqual(['HEALTH']);
    before = await snapshot();

    const merged = await merge(survivorId, duplicateId);
    expect(merged.errors).toBeUndefined();
    const m = merged.data?.mergeCitizens as Merge;
    expect(m).toMatchObject({ survivorId, duplicateId, status: 'PENDING', decidedAt: null });
    expect(m.movedCounts).toMatchObject({
      measurements: 2,
      plans: 1,
      goals: 1,
      goalRatings: 1,
      familyMemberships: 1,
      consents: 0,
    });
    // The job centre's case (registration, measurements, goal) is the survivor's now.
    expect(m.movedCounts.cases).toBeGreaterThanOrEqual(1);

    // The survivor's progression holds both departments' series; the plan and family are hers.
    expect(await kinds(survivorId)).toEqual(['EMPLOYMENT', 'HEALTH']);
    const plans = await coordinator.run<{ citizen: { plans: { id: string }[] } }>(PLANS, { id: survivorId });
    expect(plans.data?.citizen.plans.map((p) => p.id)).toEqual([planId]);
    const families = await admin.run<{
      families: { id: string; members: { citizenId: string; role: string }[] }[];
    }>(FAMILIES);
    const holm = families.data?.families.find((f) => f.id === family.data?.createFamily.id);
    expect(holm?.members.map((x) => x.citizenId)).toContain(survivorId);
    expect(holm?.members.map((x) => x.citizenId)).not.toContain(duplicateId);
    // The job centre reaches the survivor through the moved case; the merged record is gone.
    expect(await kinds(survivorId)).toContain('EMPLOYMENT');
    const jobcentreSees = await jobcentre.run<Series>(SERIES, { id: survivorId });
    expect(jobcentreSees.errors).toBeUndefined();
    const gone = await coordinator.run(SERIES, { id: duplicateId });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = await coordinator.run<{ citizens: { id: string }[] }>(CITIZENS, { s: 'Karin Holm' });
    expect(listed.data?.citizens.map((c) => c.id)).toEqual([survivorId]);
    // The survivor took the CPR number's hash: registering it again reaches her.
    expect(await register(health, CPR, 'Karin Holm')).toBe(survivorId);

    const audits = await db.all<{ citizen_id: string; actor_role: string; purpose: string; detail: string }>(
      "select citizen_id, actor_role, purpose, detail from audit_event where action = 'mergeCitizens' order by citizen_id",
    );
    expect(audits).toEqual(
      [survivorId, duplicateId].sort().map((citizen_id) => ({
        citizen_id,
        actor_role: 'ADMIN',
        purpose: 'administration',
        detail: `citizenMerge:${m.id}`,
      })),
    );
    const stored = await db.one<{ reason: string; status: string }>(
      'select reason, status from citizen_merge where id = ?',
      m.id,
    );
    expect(stored).toEqual({ reason: 'Registreret to gange af to afdelinger', status: 'PENDING' });
  });

  it('undo moves exactly the merged rows back and restores the duplicate, audited', async () => {
    const [pending] = (await db.all<{ id: string }>(
      "select id from citizen_merge where survivor_id = ? and status = 'PENDING'",
      survivorId,
    )) as [{ id: string }];
    // The second registration above only found the record; the snapshot has no new row for it.
    const undone = await admin.run<{ undoCitizenMerge: Merge }>(UNDO, { id: pending.id });
    expect(undone.errors).toBeUndefined();
    expect(undone.data?.undoCitizenMerge.status).toBe('UNDONE');
    expect(await snapshot()).toEqual(before);
    expect(await kinds(survivorId)).toEqual(['HEALTH']);
    expect(await kinds(duplicateId)).toEqual(['EMPLOYMENT']);
    const audits = await db.all<{ citizen_id: string }>(
      "select citizen_id from audit_event where action = 'undoCitizenMerge'",
    );
    expect(audits.map((a) => a.citizen_id).sort()).toEqual([survivorId, duplicateId].sort());
    const again = await admin.run(UNDO, { id: pending.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('confirm makes the merge final: undo then answers CONFLICT and changes nothing', async () => {
    const merged = await merge(survivorId, duplicateId);
    const id = merged.data?.mergeCitizens.id as string;
    const confirmed = await admin.run<{ confirmCitizenMerge: Merge }>(CONFIRM, { id });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmCitizenMerge.status).toBe('CONFIRMED');
    expect(confirmed.data?.confirmCitizenMerge.decidedAt).not.toBeNull();
    const after = await snapshot();
    const undo = await admin.run(UNDO, { id });
    expect(undo.data ?? null).toBeNull();
    expect(undo.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot()).toEqual(after);
    expect(await kinds(survivorId)).toEqual(['EMPLOYMENT', 'HEALTH']);
    const audits = await db.count("audit_event where action = 'confirmCitizenMerge'");
    expect(audits).toBe(2);
  });
});

describe('two merges of one record at once', () => {
  it('one succeeds, the other answers CONFLICT and leaves the record with the first survivor', async () => {
    const duplicate = await newCitizen(health, 'Samtidig Dublet');
    await measure(health, duplicate, dept.HEALTH as string, '3-01');
    const first = await newCitizen(health, 'Samtidig Et');
    const second = await newCitizen(health, 'Samtidig To');
    const results = await Promise.all([merge(first, duplicate), merge(second, duplicate)]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_MERGED' });
    const survivor = won[0]?.data?.mergeCitizens.survivorId as string;
    const rows = await db.all<{ citizen_id: string }>(
      'select citizen_id from measurement where citizen_id in (?, ?, ?)',
      duplicate,
      first,
      second,
    );
    expect(rows).toEqual([{ citizen_id: survivor }]);
    expect(await db.count(`citizen_merge where duplicate_id = '${duplicate}'`)).toBe(1);
  });
});

describe('a refused merge writes nothing', () => {
  async function refused(
    input: { survivorId: string; duplicateId: string },
    expected: Record<string, unknown>,
    caller: Caller = admin,
  ) {
    const tables = await snapshot();
    const merges = await db.count('citizen_merge');
    const rows = await db.count('citizen_merge_row');
    const result = await merge(input.survivorId, input.duplicateId, caller);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject(expected);
    expect(await snapshot()).toEqual(tables);
    expect(await db.count('citizen_merge')).toBe(merges);
    expect(await db.count('citizen_merge_row')).toBe(rows);
  }

  it('a person merged with themself: BAD_USER_INPUT naming duplicateId', async () => {
    const one = await newCitizen(health, 'Selv Samme');
    await refused({ survivorId: one, duplicateId: one }, { code: 'BAD_USER_INPUT', field: 'duplicateId' });
  });

  it('an unknown record: NOT_FOUND', async () => {
    const one = await newCitizen(health, 'Kendt Person');
    await refused({ survivorId: one, duplicateId: crypto.randomUUID() }, { code: 'NOT_FOUND' });
  });

  it('two different CPR numbers: CONFLICT, two people', async () => {
    const a = await register(health, OTHER_CPR, 'Anden Person');
    const b = (
      await db.one<{ id: string }>('select id from citizen where cpr_hash is not null and id <> ? limit 1', a)
    ).id;
    await refused({ survivorId: a, duplicateId: b }, { code: 'CONFLICT', reason: 'DIFFERENT_PEOPLE' });
  });

  it('two active plans: CONFLICT naming both', async () => {
    const a = await newCitizen(health, 'Plan Et');
    const b = await newCitizen(health, 'Plan To');
    const planIds: string[] = [];
    for (const citizenId of [a, b]) {
      const created = await coordinator.run<{ createPlan: { id: string } }>(CREATE_PLAN, {
        i: { citizenId },
      });
      planIds.push(created.data?.createPlan.id as string);
    }
    await refused(
      { survivorId: a, duplicateId: b },
      { code: 'CONFLICT', reason: 'TWO_ACTIVE_PLANS', planIds: planIds.sort() },
    );
  });

  it('a record already merged: CONFLICT', async () => {
    const [confirmed] = await db.all<{ duplicate_id: string }>(
      "select duplicate_id from citizen_merge where status = 'CONFIRMED'",
    );
    const other = await newCitizen(health, 'Tredje Person');
    await refused(
      { survivorId: other, duplicateId: confirmed?.duplicate_id as string },
      { code: 'CONFLICT', reason: 'ALREADY_MERGED' },
    );
  });

  it('anyone but an administrator: FORBIDDEN', async () => {
    const a = await newCitizen(health, 'Rolle Et');
    const b = await newCitizen(health, 'Rolle To');
    await refused({ survivorId: a, duplicateId: b }, { code: 'FORBIDDEN' }, coordinator);
    await refused({ survivorId: a, duplicateId: b }, { code: 'FORBIDDEN' }, health);
  });
});
