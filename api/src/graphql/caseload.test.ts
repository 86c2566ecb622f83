import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copenhagenYear } from '../domain/calendar.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const CASELOAD = `query($search: String) { citizens(search: $search) { id displayName plans { id familyName } } }`;
type Caseload = {
  citizens: { id: string; displayName: string; plans: { id: string; familyName: string | null }[] }[];
};

let api: TestApi;
let dept: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
});
afterAll(() => api.close());

describe('citizens (caseload)', () => {
  it('lists only the citizens a professional’s department has a case with, and audits each', async () => {
    const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
    const before = api.count('audit_event');
    const result = await api.gql<Caseload>(health, CASELOAD);
    const names = result.data?.citizens.map((c) => c.displayName) ?? [];
    // Seeded: Sundhed measures Karim Haddad; it has no case with Anna Sørensen.
    expect(names).toContain('Karim Haddad');
    expect(names).not.toContain('Anna Sørensen');
    expect(api.count('audit_event')).toBe(before + names.length);
  });

  it('shows a parent themselves and their children, with the family plan', async () => {
    const anna = demoCitizen(api.app, 'Anna Sørensen');
    const parent = await api.token({ role: 'PARENT', citizenId: anna });
    const result = await api.gql<Caseload>(parent, CASELOAD);
    expect(result.data?.citizens.map((c) => c.displayName).sort()).toEqual([
      'Anna Sørensen',
      'Freja Sørensen',
      'Mikkel Sørensen',
    ]);
    const own = result.data?.citizens.find((c) => c.displayName === 'Anna Sørensen');
    expect(own?.plans.map((p) => p.familyName)).toContain('Familien Sørensen');
  });

  it('shows a parent only the minor children they speak for: not a grown-up child, the co-parent or another adult', async () => {
    const admin = await api.token({ role: 'ADMIN' });
    // Birth years from the clock the API runs on: whoever turns 18 this year counts as an adult.
    const year = copenhagenYear(new Date());
    const created = await api.gql<{
      createFamily: { members: { citizenId: string; displayName: string }[] };
    }>(
      admin,
      `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { members { citizenId displayName } } }`,
      {
        input: {
          name: 'Familien Søgbar',
          members: [
            { displayName: 'Søgbar Mor', birthYear: year - 40, role: 'PARENT' },
            { displayName: 'Søgbar Far', birthYear: year - 42, role: 'PARENT' },
            { displayName: 'Søgbar Lille', birthYear: year - 17, role: 'CHILD' },
            { displayName: 'Søgbar Voksen', birthYear: year - 18, role: 'CHILD' },
            { displayName: 'Søgbar Moster', birthYear: year - 45, role: 'OTHER_ADULT' },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const mother = created.data?.createFamily.members.find((m) => m.displayName === 'Søgbar Mor');
    const parent = await api.token({ role: 'PARENT', citizenId: mother?.citizenId as string });
    const result = await api.gql<Caseload>(parent, CASELOAD, { search: 'søgbar' });
    expect(result.data?.citizens.map((c) => c.displayName).sort()).toEqual(['Søgbar Lille', 'Søgbar Mor']);
  });

  it('searches by name and refuses statistics-only roles', async () => {
    const coordinator = await api.token({ role: 'COORDINATOR' });
    const found = await api.gql<Caseload>(coordinator, CASELOAD, { search: 'sørensen' });
    expect(found.data?.citizens.every((c) => c.displayName.toLowerCase().includes('sørensen'))).toBe(true);
    expect(found.data?.citizens.length).toBe(3);
    const analyst = await api.token({ role: 'ANALYST' });
    const refused = await api.gql<Caseload>(analyst, CASELOAD);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data ?? null).toBeNull();
  });
});
