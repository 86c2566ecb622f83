import { peek } from '../support/database.js';
import { type Caller, callerFor, type GraphQLResult } from '../support/graphql.js';
import type { RunningServer } from '../support/server.js';

/** The demo municipality as the access tests use it, plus a second municipality. */
export interface World {
  dept: Record<string, string>;
  citizen: Record<'anna' | 'mikkel' | 'karim' | 'laila' | 'emil' | 'foreign', string>;
  plan: Record<'sorensen' | 'haddad' | 'emil' | 'foreign', string>;
  goal: Record<'sorensen' | 'haddad' | 'emil' | 'foreign', string>;
  foreignDepartment: string;
  foreignMunicipality: string;
}

export { countRows, peek } from '../support/database.js';

export const iso = (msAgo = 60_000) => new Date(Date.now() - msAgo).toISOString();

/**
 * Looks up the demo's ids, adds a second municipality with a citizen, plan and consent (written
 * straight to the file: no API can write across tenants), and gives the Haddad family's plan
 * and Emil a plan with one goal each, added by the coordinator.
 */
export async function buildWorld(server: RunningServer): Promise<World> {
  const db = await peek(server, { readonly: false });
  const id = async (sql: string, ...p: unknown[]) => (await db.one<{ id: string }>(sql, ...p)).id;
  const dept = Object.fromEntries(
    (await db.all<{ id: string; kind: string }>('select id, kind from department')).map((d) => [
      d.kind,
      d.id,
    ]),
  );
  const person = (name: string) => id('select id from citizen where display_name = ?', name);
  const now = db.instant(Date.now());
  await db.exec(`insert into municipality (id, name, code, created_at) values ('other-town', 'Anden Kommune', 'other', ${now});
    insert into department (id, municipality_id, kind, name) values ('other-job', 'other-town', 'EMPLOYMENT', 'Jobcenter Anden');
    insert into target_group (id, municipality_id, key, name) values ('other-group', 'other-town', 'other-group', 'Fremmed målgruppe');
    insert into citizen (id, municipality_id, display_name, birth_year, created_at) values ('other-citizen', 'other-town', 'Fremmed Borger', 1990, ${now});
    insert into plan (id, municipality_id, citizen_id, created_at) values ('other-plan', 'other-town', 'other-citizen', ${now});
    insert into consent (id, municipality_id, citizen_id, from_department_id, to_department_id, purpose, granted_at, granted_by)
      values ('other-consent', 'other-town', 'other-citizen', 'other-job', 'other-job', 'x', ${now}, 'seed');
    insert into goal (id, municipality_id, plan_id, subject_citizen_id, text, instrument_key, baseline, target, created_at)
      values ('other-goal', 'other-town', 'other-plan', 'other-citizen', 'Fremmed mål', 'goal-scale', 20, 80, ${now});`);
  const world: World = {
    dept,
    citizen: {
      anna: await person('Anna Sørensen'),
      mikkel: await person('Mikkel Sørensen'),
      karim: await person('Karim Haddad'),
      laila: await person('Laila Haddad'),
      emil: await person('Emil Nørgaard'),
      foreign: 'other-citizen',
    },
    plan: {
      sorensen: await id(
        "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
      ),
      haddad: await id(
        "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Haddad'",
      ),
      emil: '',
      foreign: 'other-plan',
    },
    goal: {
      sorensen: await id(
        "select g.id from goal g where g.plan_id = ? and g.status = 'ACTIVE' order by g.created_at limit 1",
        await id(
          "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
        ),
      ),
      haddad: '',
      emil: '',
      foreign: 'other-goal',
    },
    foreignDepartment: 'other-job',
    foreignMunicipality: 'other-town',
  };
  await db.close();
  const coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
  const must = <T>(r: GraphQLResult<T>) => {
    if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const addGoal = async (planId: string, departmentId: string) =>
    must(
      await coordinator.run<{ addGoal: { id: string } }>(
        'mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }',
        {
          input: {
            planId,
            text: 'Et mål',
            departmentIds: [departmentId],
            instrumentKey: 'goal-scale',
            baseline: 2,
            target: 8,
          },
        },
      ),
    ).addGoal.id;
  world.goal.haddad = await addGoal(world.plan.haddad, dept.HEALTH as string);
  world.plan.emil = must(
    await coordinator.run<{ createPlan: { id: string } }>(
      'mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }',
      { input: { citizenId: world.citizen.emil } },
    ),
  ).createPlan.id;
  world.goal.emil = await addGoal(world.plan.emil, dept.EDUCATION as string);
  return world;
}

/** POSTs JSON to the GraphQL endpoint with any headers, answering status, headers and body. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: GraphQLResult<Record<string, unknown>> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: GraphQLResult<Record<string, unknown>> = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, json };
}

export type { Caller };
