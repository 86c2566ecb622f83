import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';

const DEPARTMENTS = '{ departments { id } }';

let api: TestApi;
let dept: Record<string, string>;
const staff = (departmentId: string) =>
  api.query<{ display_name: string; title: string; subject: string | null; email: string | null }>(
    'select display_name, title, subject, email from professional where department_id = ? order by display_name',
    departmentId,
  );

beforeAll(async () => {
  api = await startTestApi();
  dept = Object.fromEntries(
    (await api.query<{ id: string; kind: string }>('select id, kind from department')).map((d) => [
      d.kind,
      d.id,
    ]),
  );
});
afterAll(() => api.close());

describe('the staff directory on first sign-in', () => {
  it('creates a record from the token’s name and e-mail in its department, once', async () => {
    const before = (await staff(dept.HEALTH as string)).length;
    const token = await api.token({
      role: 'PROFESSIONAL',
      departmentId: dept.HEALTH as string,
      name: 'Sara Nyansat',
      email: 'sara@kommune.dk',
    });
    for (let i = 0; i < 3; i++) expect((await api.gql(token, DEPARTMENTS)).errors).toBeUndefined();
    const rows = await staff(dept.HEALTH as string);
    expect(rows).toHaveLength(before + 1);
    expect(rows.find((r) => r.display_name === 'Sara Nyansat')).toMatchObject({
      title: '',
      email: 'sara@kommune.dk',
      subject: `dev:professional:${dept.HEALTH}`,
    });
    const audit = await api.query<{ n: number }>(
      "select count(*) as n from audit_event where action = 'staffFirstSignIn'",
    );
    expect(Number(audit[0]?.n)).toBe(1);
  });

  it('creates nothing for a token without a name, or for a role outside the departments', async () => {
    const before = (await api.query<{ n: number }>('select count(*) as n from professional'))[0]?.n;
    const bare = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EDUCATION as string });
    const analyst = await api.token({ role: 'ANALYST', name: 'Ane Analytiker' });
    for (const token of [bare, analyst]) expect((await api.gql(token, DEPARTMENTS)).errors).toBeUndefined();
    expect((await api.query<{ n: number }>('select count(*) as n from professional'))[0]?.n).toBe(before);
  });

  it('creates nothing in a retired department, and still answers the request', async () => {
    const admin = await api.token({ role: 'ADMIN' });
    const made = await api.gql<{ createDepartment: { id: string } }>(
      admin,
      'mutation { createDepartment(input: { name: "Lukket Afdeling", kind: OTHER }) { id } }',
    );
    const id = made.data?.createDepartment.id as string;
    await api.gql(admin, 'mutation($id: ID!) { retireDepartment(id: $id) { id } }', { id });
    const token = await api.token({ role: 'PROFESSIONAL', departmentId: id, name: 'For Sent' });
    expect((await api.gql(token, DEPARTMENTS)).errors).toBeUndefined();
    expect(await staff(id)).toEqual([]);
  });

  it('takes over the record the administrator entered with the same e-mail, instead of a second one', async () => {
    const admin = await api.token({ role: 'ADMIN' });
    const made = await api.gql<{ createDepartment: { id: string } }>(
      admin,
      'mutation { createDepartment(input: { name: "Familiehuset", kind: OTHER }) { id } }',
    );
    const id = made.data?.createDepartment.id as string;
    const ADD = `mutation($input: AddProfessionalInput!) { addProfessional(input: $input) { id displayName } }`;
    const added = await api.gql(admin, ADD, {
      input: {
        departmentId: id,
        displayName: 'Bo Berg',
        title: 'Familiebehandler',
        email: 'Bo.Berg@kommune.dk',
      },
    });
    expect(added.errors).toBeUndefined();
    // The same e-mail again, in other case: refused, nothing written.
    const again = await api.gql(admin, ADD, {
      input: { departmentId: id, displayName: 'Bo B.', title: 'Behandler', email: 'bo.berg@KOMMUNE.dk' },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    const bad = await api.gql(admin, ADD, {
      input: { departmentId: id, displayName: 'Ny', title: 'Behandler', email: 'not-an-address' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await staff(id)).toHaveLength(1);

    const token = await api.token({
      role: 'PROFESSIONAL',
      departmentId: id,
      name: 'Bo Berg (IdP)',
      email: 'bo.berg@kommune.dk',
    });
    for (let i = 0; i < 2; i++) expect((await api.gql(token, DEPARTMENTS)).errors).toBeUndefined();
    expect(await staff(id)).toEqual([
      {
        display_name: 'Bo Berg',
        title: 'Familiebehandler',
        subject: `dev:professional:${id}`,
        email: 'Bo.Berg@kommune.dk',
      },
    ]);
    const linked = await api.query<{ n: number }>(
      "select count(*) as n from audit_event where action = 'staffFirstSignIn' and detail = 'linked by e-mail'",
    );
    expect(Number(linked[0]?.n)).toBe(1);
  });
});
