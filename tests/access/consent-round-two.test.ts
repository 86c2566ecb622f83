import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { buildWorld, countRows, iso, peek, type World } from './world.js';

/**
 * Issue #16 items 3, 4 and 7: a department never grants itself another's data, a consent is
 * read access only (no write, so no permanent case), and a parent reaches only themself and
 * their minor children.
 */
const SERIES = `query($id: ID!) { citizen(id: $id) { id progression { series { department { kind } } } } }`;
const GRANT = 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }';
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id) { id status } }';
const MEASURE = 'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }';
const ADD_GOAL = 'mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }';
const ADD_INTERVENTION = 'mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }';
const CREATE_PLAN = 'mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }';

let server: RunningServer;
let world: World;
let health: Caller;
let mentor: Caller;
let school: Caller;

const professional = (kind: string) =>
  callerFor(server.url, { role: 'PROFESSIONAL', departmentId: world.dept[kind] as string });

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  health = await professional('HEALTH');
  mentor = await professional('EMPLOYMENT');
  school = await professional('EDUCATION');
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) =>
  r.errors?.[0]?.extensions?.code ?? 'ok';
const kindsSeenBy = async (caller: Caller, citizenId = world.citizen.anna) => {
  const r = await caller.run<{ citizen: { progression: { series: { department: { kind: string } }[] } } }>(
    SERIES,
    { id: citizenId },
  );
  return r.errors
    ? codeOf(r)
    : [...new Set(r.data?.citizen.progression.series.map((s) => s.department.kind))].sort();
};
const hasCase = async (citizenId: string, departmentId: string) => {
  const db = await peek(server);
  try {
    return (
      (
        await db.all(
          'select 1 from citizen_department where citizen_id = ? and department_id = ?',
          citizenId,
          departmentId,
        )
      ).length > 0
    );
  } finally {
    await db.close();
  }
};

describe('who may record a consent', () => {
  it('refuses the receiving department recording a consent towards itself, even with a case of its own', async () => {
    // The school has a case with Anna; the jobcentre's records are not the school's to take.
    expect(await kindsSeenBy(school)).toEqual([]);
    const before = await countRows(server, 'consent');
    const r = await school.run(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.EMPLOYMENT,
        toDepartmentId: world.dept.EDUCATION,
        purpose: 'Skolestart',
      },
    });
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.data ?? null).toBeNull();
    expect(await countRows(server, 'consent')).toBe(before);
    expect(await kindsSeenBy(school)).toEqual([]);
  });

  it('lets the giving department record it, and the receiving department give it up', async () => {
    const grant = await mentor.run<{ grantConsent: { id: string; status: string } }>(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.EMPLOYMENT,
        toDepartmentId: world.dept.EDUCATION,
        purpose: 'Skolestart',
      },
    });
    expect(grant.data?.grantConsent.status).toBe('ACTIVE');
    expect(await kindsSeenBy(school)).toEqual(['EMPLOYMENT']);
    const revoke = await school.run<{ revokeConsent: { status: string } }>(REVOKE, {
      id: grant.data?.grantConsent.id,
    });
    expect(revoke.data?.revokeConsent.status).toBe('REVOKED');
    expect(await kindsSeenBy(school)).toEqual([]);
  });
});

describe('a consent gives read access only', () => {
  let consentId: string;
  beforeAll(async () => {
    const grant = await mentor.run<{ grantConsent: { id: string } }>(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.EMPLOYMENT,
        toDepartmentId: world.dept.HEALTH,
        purpose: 'Sundhedsforløb',
      },
    });
    consentId = grant.data?.grantConsent.id as string;
  });

  it('refuses a measurement, a goal, an intervention and a plan from a department that only has a consent', async () => {
    expect(await kindsSeenBy(health)).toEqual(['EMPLOYMENT']);
    const counts = async () =>
      Promise.all(['measurement', 'goal', 'intervention', 'plan'].map((t) => countRows(server, t)));
    const before = await counts();
    const attempts = [
      await health.run(MEASURE, {
        input: {
          idempotencyKey: crypto.randomUUID(),
          citizenId: world.citizen.anna,
          departmentId: world.dept.HEALTH,
          instrumentKey: 'outcome',
          respondentRole: 'CITIZEN',
          occurredAt: iso(),
          values: [5, 5, 5, 5],
        },
      }),
      await health.run(ADD_GOAL, {
        input: {
          planId: world.plan.sorensen,
          text: 'Sundhedsmål',
          departmentIds: [world.dept.HEALTH],
          instrumentKey: 'goal-scale',
          baseline: 2,
          target: 8,
        },
      }),
      await health.run(ADD_INTERVENTION, {
        input: {
          planId: world.plan.sorensen,
          departmentId: world.dept.HEALTH,
          type: 'Sundhedsforløb',
          legalBasis: 'SUL § 119',
          startsOn: '2026-01-05',
          goalIds: [],
        },
      }),
      await health.run(CREATE_PLAN, { input: { citizenId: world.citizen.anna } }),
    ];
    expect(attempts.map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await counts()).toEqual(before);
    expect(await hasCase(world.citizen.anna, world.dept.HEALTH as string)).toBe(false);
  });

  it('ends access on the next request after revocation', async () => {
    expect(await kindsSeenBy(health)).toEqual(['EMPLOYMENT']);
    expect(codeOf(await mentor.run(REVOKE, { id: consentId }))).toBe('ok');
    expect(await kindsSeenBy(health)).toBe('NOT_FOUND');
  });

  it('still lets a department with a case of its own write', async () => {
    const r = await mentor.run(MEASURE, {
      input: {
        idempotencyKey: crypto.randomUUID(),
        citizenId: world.citizen.anna,
        departmentId: world.dept.EMPLOYMENT,
        instrumentKey: 'outcome',
        respondentRole: 'CITIZEN',
        occurredAt: iso(),
        values: [5, 5, 5, 5],
      },
    });
    expect(codeOf(r)).toBe('ok');
  });
});

describe('a parent reaches themself and their minor children only', () => {
  let birgitte: string;
  let anna: Caller;
  beforeAll(async () => {
    // A co-parent (Birgitte) and a grown-up child (Emil, 22) join the Sørensen family.
    const db = await peek(server, { readonly: false });
    birgitte = (await db.one<{ id: string }>("select id from citizen where display_name = 'Birgitte Olsen'"))
      .id;
    const family = (await db.one<{ id: string }>("select id from family where name = 'Familien Sørensen'"))
      .id;
    await db.exec(`insert into family_member (family_id, citizen_id, role) values ('${family}', '${birgitte}', 'PARENT');
      insert into family_member (family_id, citizen_id, role) values ('${family}', '${world.citizen.emil}', 'CHILD')`);
    await db.close();
    anna = await callerFor(server.url, { role: 'PARENT', citizenId: world.citizen.anna });
  });

  it('reaches herself and her minor child', async () => {
    expect(codeOf(await anna.run(SERIES, { id: world.citizen.anna }))).toBe('ok');
    expect(codeOf(await anna.run(SERIES, { id: world.citizen.mikkel }))).toBe('ok');
  });

  it('does not reach the co-parent or an adult child: their data, consents and access log are NOT_FOUND', async () => {
    const LOG = 'query($id: ID!) { citizen(id: $id) { id consents { id } accessLog { action } } }';
    for (const id of [birgitte, world.citizen.emil]) {
      for (const query of [SERIES, LOG]) {
        const r = await anna.run(query, { id });
        expect({ id, code: codeOf(r) }).toEqual({ id, code: 'NOT_FOUND' });
        expect(r.data?.citizen ?? null).toBeNull();
      }
    }
  });
});
