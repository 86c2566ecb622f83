import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoTargetGroups } from '../db/seed/demo-cohort.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const TARGET_GROUPS = '{ targetGroups { key name } }';
type Result = { targetGroups: { key: string; name: string }[] };

let api: TestApi;
let dept: Record<string, string>;
const audits = () => api.count('audit_event');

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  // A second municipality with a group of its own, which no caller of the demo may see.
  const db = sqliteOf(api.app.db);
  db.prepare(
    "insert into municipality (id, name, code, created_at) values ('other-town', 'Anden Kommune', 'other', ?)",
  ).run(Date.now() + 1);
  db.prepare(
    "insert into target_group (id, municipality_id, key, name) values ('other-group', 'other-town', 'elsewhere', 'Anden kommunes målgruppe')",
  ).run();
});
afterAll(() => api.close());

describe('targetGroups', () => {
  it("lists the demo municipality's groups with their names, sorted by name", async () => {
    const analyst = await api.token({ role: 'ANALYST' });
    const result = await api.gql<Result>(analyst, TARGET_GROUPS);
    expect(result.errors).toBeUndefined();
    expect(result.data?.targetGroups).toEqual([
      { key: 'family-child-parent-benefits', name: 'Familie med børnesag og forælder på ydelse' },
      { key: 'vulnerable-young-17-25', name: 'Udsat ung 17–25' },
      { key: 'adult-complex-needs', name: 'Voksen med komplekse behov' },
    ]);
    expect(result.data?.targetGroups).toHaveLength(demoTargetGroups.length);
  });

  it('sorts Danish names the Danish way: æ, ø and å after z, whatever the case', async () => {
    const db = sqliteOf(api.app.db);
    const demo = db
      .prepare("select municipality_id as m from target_group where key = 'adult-complex-needs'")
      .get() as {
      m: string;
    };
    const insert = db.prepare(
      'insert into target_group (id, municipality_id, key, name) values (?, ?, ?, ?)',
    );
    insert.run('tg-aa', demo.m, 'aa', 'Åbne tilbud');
    insert.run('tg-ae', demo.m, 'ae', 'Ældre borgere');
    insert.run('tg-lower', demo.m, 'lower', 'borgere med handicap');
    try {
      const result = await api.gql<Result>(await api.token({ role: 'ADMIN' }), TARGET_GROUPS);
      expect(result.data?.targetGroups.map((g) => g.name)).toEqual([
        'borgere med handicap',
        'Familie med børnesag og forælder på ydelse',
        'Udsat ung 17–25',
        'Voksen med komplekse behov',
        'Ældre borgere',
        'Åbne tilbud',
      ]);
    } finally {
      db.prepare("delete from target_group where id in ('tg-aa', 'tg-ae', 'tg-lower')").run();
    }
  });

  it('is for every signed-in role of the municipality, and reads no citizen data (not audited)', async () => {
    const anna = demoCitizen(api.app, 'Anna Sørensen');
    const claims = [
      { role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string },
      { role: 'COORDINATOR' },
      { role: 'PARENT', citizenId: anna },
      { role: 'CITIZEN', citizenId: anna },
      { role: 'ANALYST' },
      { role: 'INTEGRATION' },
      { role: 'ADMIN' },
    ];
    for (const claim of claims) {
      const before = audits();
      const result = await api.gql<Result>(await api.token(claim), TARGET_GROUPS);
      expect({ role: claim.role, errors: result.errors }).toEqual({ role: claim.role, errors: undefined });
      expect(result.data?.targetGroups.map((g) => g.key).sort()).toEqual(
        demoTargetGroups.map((g) => g.key).sort(),
      );
      expect(audits()).toBe(before);
    }
  });

  it("never shows another municipality's groups, and shows that municipality only its own", async () => {
    const demo = await api.gql<Result>(await api.token({ role: 'COORDINATOR' }), TARGET_GROUPS);
    expect(JSON.stringify(demo.data)).not.toMatch(/elsewhere|Anden kommunes/);
    const outsider = await api.token({ role: 'ANALYST', municipalityId: 'other-town' });
    const other = await api.gql<Result>(outsider, TARGET_GROUPS);
    expect(other.data?.targetGroups).toEqual([{ key: 'elsewhere', name: 'Anden kommunes målgruppe' }]);
  });

  it('refuses a request without a token: UNAUTHENTICATED, no data', async () => {
    const result = await api.gql<Result>(null, TARGET_GROUPS);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });
});
