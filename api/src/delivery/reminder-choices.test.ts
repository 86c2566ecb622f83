import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

/** Opt-out per person through GraphQL: the access policy decides, every change is audited. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const set = `mutation Set($input: ReminderChoiceInput!) { setReminderChoice(input: $input) { kind enabled } }`;
const read = `query Read($citizenId: ID) { reminderChoices(citizenId: $citizenId) { kind enabled } }`;
const optOuts = () =>
  sqliteOf(api.app.db).prepare('select citizen_id, professional_id, kind from notification_opt_out').all();
const audits = (action: string) =>
  sqliteOf(api.app.db)
    .prepare(
      'select actor_role, citizen_id, outcome, detail from audit_event where action = ? order by at, rowid',
    )
    .all(action) as {
    actor_role: string;
    citizen_id: string | null;
    outcome: string;
    detail: string | null;
  }[];

describe('reminder choices', () => {
  it('lets a parent turn their own meeting reminders off and on again, audited', async () => {
    const anna = demoCitizen(api.app, 'Anna Sørensen');
    const parent = await api.token({ role: 'PARENT', citizenId: anna });
    expect((await api.gql(parent, read)).data).toEqual({
      reminderChoices: [
        { kind: 'MEETING_REMINDER', enabled: true },
        { kind: 'INVITATION_REMINDER', enabled: true },
      ],
    });
    const off = await api.gql(parent, set, { input: { kind: 'MEETING_REMINDER', enabled: false } });
    expect(off.data).toEqual({
      setReminderChoice: [
        { kind: 'MEETING_REMINDER', enabled: false },
        { kind: 'INVITATION_REMINDER', enabled: true },
      ],
    });
    expect(optOuts()).toEqual([{ citizen_id: anna, professional_id: null, kind: 'MEETING_REMINDER' }]);
    // Twice off is still one opt-out; on again removes it.
    await api.gql(parent, set, { input: { kind: 'MEETING_REMINDER', enabled: false } });
    expect(optOuts()).toHaveLength(1);
    await api.gql(parent, set, { input: { kind: 'MEETING_REMINDER', enabled: true } });
    expect(optOuts()).toEqual([]);
    expect(audits('setReminderChoice').filter((a) => a.detail !== null)).toEqual([
      { actor_role: 'PARENT', citizen_id: anna, outcome: 'ALLOWED', detail: 'MEETING_REMINDER:off' },
      { actor_role: 'PARENT', citizen_id: anna, outcome: 'ALLOWED', detail: 'MEETING_REMINDER:off' },
      { actor_role: 'PARENT', citizen_id: anna, outcome: 'ALLOWED', detail: 'MEETING_REMINDER:on' },
    ]);
  });

  it('lets a parent choose for their minor child, and nobody else’s', async () => {
    const anna = demoCitizen(api.app, 'Anna Sørensen');
    const parent = await api.token({ role: 'PARENT', citizenId: anna });
    const child = demoCitizen(api.app, 'Mikkel Sørensen');
    const own = await api.gql(parent, set, {
      input: { kind: 'INVITATION_REMINDER', enabled: false, citizenId: child },
    });
    expect(own.errors).toBeUndefined();
    const other = demoCitizen(api.app, 'Laila Haddad');
    const refused = await api.gql(parent, set, {
      input: { kind: 'INVITATION_REMINDER', enabled: false, citizenId: other },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(optOuts()).toEqual([{ citizen_id: child, professional_id: null, kind: 'INVITATION_REMINDER' }]);
  });

  it('refuses a digest choice for a family member, naming the field', async () => {
    const parent = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Karim Haddad') });
    const result = await api.gql(parent, set, { input: { kind: 'DIGEST', enabled: false } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });

  it('keeps analysts and vendor clients out, and staff without a staff record find none', async () => {
    const citizenId = demoCitizen(api.app, 'Karim Haddad');
    const before = optOuts().length;
    const analyst = await api.token({ role: 'ANALYST' });
    const a = await api.gql(analyst, set, { input: { kind: 'MEETING_REMINDER', enabled: false, citizenId } });
    expect(a.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const vendor = await api.token({ role: 'INTEGRATION' });
    const v = await api.gql(vendor, set, { input: { kind: 'MEETING_REMINDER', enabled: false, citizenId } });
    expect(v.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const professional = await api.token({
      role: 'PROFESSIONAL',
      departmentId: demoDepartments(api.app).HEALTH as string,
    });
    const p = await api.gql(professional, set, { input: { kind: 'DIGEST', enabled: false } });
    expect(p.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(optOuts()).toHaveLength(before);
  });

  it('lets an administrator set a member of staff’s digest choice', async () => {
    const staffId = (
      sqliteOf(api.app.db).prepare('select id from professional limit 1').get() as { id: string }
    ).id;
    const admin = await api.token({ role: 'ADMIN' });
    const result = await api.gql(admin, set, {
      input: { kind: 'DIGEST', enabled: false, professionalId: staffId },
    });
    expect(result.data).toEqual({ setReminderChoice: [{ kind: 'DIGEST', enabled: false }] });
    const unknown = await api.gql(admin, set, {
      input: { kind: 'DIGEST', enabled: false, professionalId: '00000000-0000-0000-0000-000000000000' },
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
