import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabasePeek, peek } from '../support/database.js';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

/**
 * One plan (issue 17): at most one active plan per citizen and per family, refused by the API
 * with CONFLICT naming the plan, and by the database itself. Runs on SQLite and, with
 * HELHED_TEST_DATABASE=postgres, on PostgreSQL.
 */
const CREATE_CITIZEN = 'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }';
const CREATE_PLAN = `mutation($i: CreatePlanInput!) {
  createPlan(input: $i) { id citizenId familyId closedAt coordinator { id displayName } }
}`;
const CLOSE_PLAN = 'mutation($id: ID!) { closePlan(id: $id) { id closedAt } }';
const SET_COORDINATOR = `mutation($i: SetPlanCoordinatorInput!) {
  setPlanCoordinator(input: $i) { id coordinator { displayName title } }
}`;
type Created = {
  createPlan: {
    id: string;
    citizenId: string | null;
    familyId: string | null;
    closedAt: string | null;
    coordinator: { id: string; displayName: string } | null;
  };
};

let server: RunningServer;
let db: DatabasePeek;
let coordinator: Caller;
let professionalId: string;
let professionalName: string;

beforeAll(async () => {
  server = await startServer();
  db = await peek(server, { readonly: false });
  coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
  const staff = await db.one<{ id: string; display_name: string }>(
    'select id, display_name from professional order by display_name limit 1',
  );
  professionalId = staff.id;
  professionalName = staff.display_name;
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

async function newCitizen(name: string): Promise<string> {
  const created = await coordinator.run<{ createCitizen: { id: string } }>(CREATE_CITIZEN, {
    i: { displayName: name, birthYear: 1980 },
  });
  return created.data?.createCitizen.id as string;
}

describe('one plan per citizen and per family', () => {
  it('refuses a second active plan for a citizen with CONFLICT naming the first, writing nothing', async () => {
    const citizenId = await newCitizen('Én Plan');
    const first = await coordinator.run<Created>(CREATE_PLAN, {
      i: { citizenId, coordinatorId: professionalId },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.createPlan).toMatchObject({
      citizenId,
      familyId: null,
      closedAt: null,
      coordinator: { id: professionalId, displayName: professionalName },
    });
    const plans = await db.count('plan');
    const second = await coordinator.run<Created>(CREATE_PLAN, { i: { citizenId } });
    expect(second.data ?? null).toBeNull();
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'citizenId',
      planId: first.data?.createPlan.id,
    });
    expect(await db.count('plan')).toBe(plans);
  });

  it('refuses a second plan for a family that has one', async () => {
    const family = await db.one<{ id: string; plan: string }>(
      `select f.id as id, p.id as plan from family f join plan p on p.family_id = f.id where f.name = 'Familien Sørensen'`,
    );
    const second = await coordinator.run<Created>(CREATE_PLAN, { i: { familyId: family.id } });
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'familyId',
      planId: family.plan,
    });
  });

  it('allows a new plan once the active one is closed', async () => {
    const citizenId = await newCitizen('Ny Start');
    const first = await coordinator.run<Created>(CREATE_PLAN, { i: { citizenId } });
    const closed = await coordinator.run<{ closePlan: { closedAt: string | null } }>(CLOSE_PLAN, {
      id: first.data?.createPlan.id,
    });
    expect(closed.data?.closePlan.closedAt).not.toBeNull();
    const again = await coordinator.run<{ closePlan: unknown }>(CLOSE_PLAN, {
      id: first.data?.createPlan.id,
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const next = await coordinator.run<Created>(CREATE_PLAN, { i: { citizenId } });
    expect(next.errors).toBeUndefined();
    expect(next.data?.createPlan.id).not.toBe(first.data?.createPlan.id);
  });

  it('is enforced by the database itself, past the API', async () => {
    const citizenId = await newCitizen('Database Plan');
    const first = await coordinator.run<Created>(CREATE_PLAN, { i: { citizenId } });
    expect(first.errors).toBeUndefined();
    const municipality = (
      await db.one<{ m: string }>('select municipality_id as m from citizen where id = ?', citizenId)
    ).m;
    const insert = `insert into plan (id, municipality_id, citizen_id, created_at) values ('${crypto.randomUUID()}', '${municipality}', '${citizenId}', ${db.instant(Date.UTC(2026, 0, 1))})`;
    await expect(db.exec(insert)).rejects.toThrow(/unique/i);
    // A closed plan beside the active one is history, and allowed.
    await db.exec(
      `insert into plan (id, municipality_id, citizen_id, created_at, closed_at) values ('${crypto.randomUUID()}', '${municipality}', '${citizenId}', ${db.instant(Date.UTC(2025, 0, 1))}, ${db.instant(Date.UTC(2025, 6, 1))})`,
    );
  });

  it('names an unknown coordinator as bad input', async () => {
    const citizenId = await newCitizen('Ukendt Tovholder');
    const refused = await coordinator.run<Created>(CREATE_PLAN, {
      i: { citizenId, coordinatorId: 'nobody' },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coordinatorId' });
    expect(await db.count(`plan where citizen_id = '${citizenId}'`)).toBe(0);
  });
});

describe('the coordinator', () => {
  it('is shown to the family on their plan as their contact person', async () => {
    const ids = await db.one<{ plan: string; anna: string }>(
      `select p.id as plan, (select id from citizen where display_name = 'Anna Sørensen') as anna
         from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'`,
    );
    const set = await coordinator.run<{ setPlanCoordinator: { coordinator: { displayName: string } } }>(
      SET_COORDINATOR,
      { i: { planId: ids.plan, coordinatorId: professionalId } },
    );
    expect(set.data?.setPlanCoordinator.coordinator.displayName).toBe(professionalName);
    const parent = await callerFor(server.url, { role: 'PARENT', citizenId: ids.anna });
    const seen = await parent.run<{ plan: { coordinator: { displayName: string } | null } }>(
      'query($id: ID!) { plan(id: $id) { coordinator { displayName } } }',
      { id: ids.plan },
    );
    expect(seen.data?.plan.coordinator?.displayName).toBe(professionalName);
    const notAllowed = await parent.run(SET_COORDINATOR, {
      i: { planId: ids.plan, coordinatorId: professionalId },
    });
    expect(notAllowed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
