import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabasePeek, peek } from '../support/database.js';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

/**
 * The administrator sets the municipality up (issue 17): departments, the staff directory,
 * families and target groups. Every change is audited; a refused request writes nothing. Runs on
 * SQLite and, with HELHED_TEST_DATABASE=postgres, on PostgreSQL.
 */
const SECRET = 'a-test-secret-of-at-least-32-characters';

const CREATE_DEPARTMENT = `mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id name kind retired } }`;
const RENAME_DEPARTMENT = `mutation($i: RenameDepartmentInput!) { renameDepartment(input: $i) { id name kind } }`;
const RETIRE_DEPARTMENT = `mutation($id: ID!) { retireDepartment(id: $id) { id retired } }`;
const ADD_PROFESSIONAL = `mutation($i: AddProfessionalInput!) {
  addProfessional(input: $i) { id displayName title department { id } }
}`;
const UPDATE_PROFESSIONAL = `mutation($i: UpdateProfessionalInput!) { updateProfessional(input: $i) { id title } }`;
const PROFESSIONALS = `query($d: ID) { professionals(departmentId: $d) { id displayName } }`;
const CREATE_FAMILY = `mutation($i: CreateFamilyInput!) {
  createFamily(input: $i) { id name activePlanId members { citizenId displayName role custody } }
}`;
const CREATE_GROUP = `mutation($i: CreateTargetGroupInput!) { createTargetGroup(input: $i) { key name description } }`;
const DESCRIBE_GROUP = `mutation($i: DescribeTargetGroupInput!) { describeTargetGroup(input: $i) { key name description } }`;
const ASSIGN_GROUP = `mutation($i: AssignTargetGroupInput!) { assignTargetGroup(input: $i) { assigned } }`;

type Department = { id: string; name: string; kind: string; retired: boolean };
type Family = {
  id: string;
  name: string;
  activePlanId: string | null;
  members: { citizenId: string; displayName: string; role: string; custody: string | null }[];
};

let server: RunningServer;
let db: DatabasePeek;
let admin: Caller;
let coordinator: Caller;

beforeAll(async () => {
  server = await startServer({ CPR_HMAC_SECRET: SECRET });
  db = await peek(server);
  admin = await callerFor(server.url, { role: 'ADMIN' });
  coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

/** The actions audited since `from` rows ago, as the administrator's purpose. */
async function auditedSince(count: number): Promise<string[]> {
  const rows = await db.all<{ action: string; purpose: string; actor_role: string }>(
    'select action, purpose, actor_role from audit_event order by id desc limit ?',
    (await db.count('audit_event')) - count,
  );
  expect(rows.every((r) => r.actor_role === 'ADMIN' && r.purpose === 'administration')).toBe(true);
  return rows.map((r) => r.action);
}

describe('departments', () => {
  it('are created, renamed and retired by the administrator, each change audited', async () => {
    const audits = await db.count('audit_event');
    const created = await admin.run<{ createDepartment: Department }>(CREATE_DEPARTMENT, {
      i: { name: 'Ungeenheden', kind: 'EDUCATION' },
    });
    expect(created.data?.createDepartment).toMatchObject({
      name: 'Ungeenheden',
      kind: 'EDUCATION',
      retired: false,
    });
    const id = created.data?.createDepartment.id;
    const renamed = await admin.run<{ renameDepartment: Department }>(RENAME_DEPARTMENT, {
      i: { id, name: 'Ungeenheden Nord', kind: 'OTHER' },
    });
    expect(renamed.data?.renameDepartment).toMatchObject({ name: 'Ungeenheden Nord', kind: 'OTHER' });
    const retired = await admin.run<{ retireDepartment: Department }>(RETIRE_DEPARTMENT, { id });
    expect(retired.data?.retireDepartment.retired).toBe(true);
    expect((await admin.run(RETIRE_DEPARTMENT, { id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await auditedSince(audits)).toEqual(['retireDepartment', 'renameDepartment', 'createDepartment']);
  });

  it('refuses a duplicate name with CONFLICT naming the field, and writes nothing', async () => {
    const departments = await db.count('department');
    const audits = await db.count('audit_event');
    const existing = await db.one<{ id: string; name: string }>(
      'select id, name from department order by name limit 1',
    );
    const duplicate = await admin.run(CREATE_DEPARTMENT, { i: { name: existing.name, kind: 'HEALTH' } });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const other = await db.one<{ id: string }>(
      'select id from department where name <> ? limit 1',
      existing.name,
    );
    const clash = await admin.run(RENAME_DEPARTMENT, { i: { id: other.id, name: existing.name } });
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await db.count('department')).toBe(departments);
    expect(await db.count('audit_event')).toBe(audits);
  });

  it('are the administrator’s alone', async () => {
    const departments = await db.count('department');
    const refused = await coordinator.run(CREATE_DEPARTMENT, {
      i: { name: 'Skyggeafdeling', kind: 'OTHER' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await db.count('department')).toBe(departments);
    const blank = await admin.run(CREATE_DEPARTMENT, { i: { name: ' \u0007 ', kind: 'OTHER' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});

describe('the staff directory', () => {
  it('lists a department’s professionals, kept by the administrator', async () => {
    const dept = (
      await admin.run<{ createDepartment: Department }>(CREATE_DEPARTMENT, {
        i: { name: 'Misbrugscentret', kind: 'ADULT_SOCIAL' },
      })
    ).data?.createDepartment.id;
    const added = await admin.run<{ addProfessional: { id: string; department: { id: string } } }>(
      ADD_PROFESSIONAL,
      { i: { departmentId: dept, displayName: 'Sara Holm', title: 'Misbrugskonsulent' } },
    );
    expect(added.data?.addProfessional.department.id).toBe(dept);
    const updated = await admin.run<{ updateProfessional: { title: string } }>(UPDATE_PROFESSIONAL, {
      i: { id: added.data?.addProfessional.id, title: 'Teamleder' },
    });
    expect(updated.data?.updateProfessional.title).toBe('Teamleder');
    const listed = await coordinator.run<{ professionals: { displayName: string }[] }>(PROFESSIONALS, {
      d: dept,
    });
    expect(listed.data?.professionals.map((p) => p.displayName)).toEqual(['Sara Holm']);
    const anna = await db.one<{ id: string }>(`select id from citizen where display_name = 'Anna Sørensen'`);
    const parent = await callerFor(server.url, { role: 'PARENT', citizenId: anna.id });
    const asParent = await parent.run(PROFESSIONALS, { d: dept });
    expect(asParent.errors?.[0]?.extensions?.code, JSON.stringify(asParent)).toBe('FORBIDDEN');
    await admin.run(RETIRE_DEPARTMENT, { id: dept });
    const intoRetired = await admin.run(ADD_PROFESSIONAL, {
      i: { departmentId: dept, displayName: 'For Sent', title: 'Konsulent' },
    });
    expect(intoRetired.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'departmentId' });
  });
});

describe('families', () => {
  it('are set up with their members, custody noted, a CPR number reaching the one record', async () => {
    const registered = await (await callerFor(server.url, { role: 'COORDINATOR' })).run<{
      registerCitizen: { citizen: { id: string } };
    }>('mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { citizen { id } } }', {
      i: { cpr: '120690-1234', displayName: 'Mona Berg' },
    });
    const mona = registered.data?.registerCitizen.citizen.id;
    const audits = await db.count('audit_event');
    const created = await admin.run<{ createFamily: Family }>(CREATE_FAMILY, {
      i: {
        name: 'Familien Berg',
        members: [
          { displayName: 'Mona Berg', cpr: '1206901234', role: 'PARENT', custody: 'SHARED' },
          { displayName: 'Jens Berg', birthYear: 1988, role: 'PARENT', custody: 'SHARED' },
          { displayName: 'Lea Berg', cpr: '010316-4321', role: 'CHILD' },
        ],
      },
    });
    expect(created.errors).toBeUndefined();
    const family = created.data?.createFamily as Family;
    expect(family.members.map((m) => [m.displayName, m.role, m.custody])).toEqual([
      ['Jens Berg', 'PARENT', 'SHARED'],
      ['Lea Berg', 'CHILD', null],
      ['Mona Berg', 'PARENT', 'SHARED'],
    ]);
    expect(family.members.find((m) => m.displayName === 'Mona Berg')?.citizenId).toBe(mona);
    expect(await db.count(`citizen where display_name = 'Mona Berg'`)).toBe(1);
    expect(await auditedSince(audits)).toContain('addFamilyMember');
  });

  it('refuses a family without a parent, and custody noted for a child, writing nothing', async () => {
    const before = { family: await db.count('family'), citizen: await db.count('citizen') };
    const orphan = await admin.run(CREATE_FAMILY, {
      i: { name: 'Familien Uden', members: [{ displayName: 'Barn Uden', birthYear: 2015, role: 'CHILD' }] },
    });
    expect(orphan.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members' });
    const custody = await admin.run(CREATE_FAMILY, {
      i: {
        name: 'Familien Fejl',
        members: [
          { displayName: 'Far Fejl', birthYear: 1980, role: 'PARENT' },
          { displayName: 'Barn Fejl', birthYear: 2015, role: 'CHILD', custody: 'SOLE' },
        ],
      },
    });
    expect(custody.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'members.1.custody',
    });
    const badCpr = await admin.run(CREATE_FAMILY, {
      i: { name: 'Familien Cpr', members: [{ displayName: 'Mor Cpr', cpr: '300290-1234', role: 'PARENT' }] },
    });
    expect(badCpr.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members.0.cpr' });
    // The second member fails inside the transaction: the first member's registration rolls back.
    const unknown = await admin.run(CREATE_FAMILY, {
      i: {
        name: 'Familien Delvis',
        members: [
          { displayName: 'Mor Delvis', birthYear: 1980, role: 'PARENT' },
          { displayName: 'Mor Delvis', birthYear: 1981, role: 'PARENT', cpr: '0101801234' },
        ],
      },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'members.1.birthYear',
    });
    expect({ family: await db.count('family'), citizen: await db.count('citizen') }).toEqual(before);
  });
});

describe('target groups', () => {
  it('are created, described and assigned to a family’s members', async () => {
    const created = await admin.run<{ createTargetGroup: { key: string; description: string } }>(
      CREATE_GROUP,
      {
        i: { key: 'families-with-young-children', name: 'Familier med små børn' },
      },
    );
    expect(created.data?.createTargetGroup).toEqual({
      key: 'families-with-young-children',
      name: 'Familier med små børn',
      description: '',
    });
    const duplicate = await admin.run(CREATE_GROUP, {
      i: { key: 'families-with-young-children', name: 'Igen' },
    });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'key' });
    const described = await admin.run<{ describeTargetGroup: { description: string } }>(DESCRIBE_GROUP, {
      i: { key: 'families-with-young-children', description: 'Familier med mindst ét barn under 6 år.' },
    });
    expect(described.data?.describeTargetGroup.description).toBe('Familier med mindst ét barn under 6 år.');
    const family = await db.one<{ id: string }>(`select id from family where name = 'Familien Berg'`);
    const assigned = await admin.run<{ assignTargetGroup: { assigned: number } }>(ASSIGN_GROUP, {
      i: { key: 'families-with-young-children', familyId: family.id },
    });
    expect(assigned.data?.assignTargetGroup.assigned).toBe(3);
    const again = await admin.run<{ assignTargetGroup: { assigned: number } }>(ASSIGN_GROUP, {
      i: { key: 'families-with-young-children', familyId: family.id },
    });
    expect(again.data?.assignTargetGroup.assigned).toBe(3);
    expect(
      await db.count(
        `citizen_target_group where target_group_id = (select id from target_group where key = 'families-with-young-children')`,
      ),
    ).toBe(3);
    const listed = await coordinator.run<{ targetGroups: { key: string; description: string }[] }>(
      '{ targetGroups { key description } }',
    );
    expect(
      listed.data?.targetGroups.find((g) => g.key === 'families-with-young-children')?.description,
    ).toMatch(/under 6/);
  });
});
