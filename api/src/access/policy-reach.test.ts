import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import type { Actor } from './actor.js';
import { authorizeCitizenRead, caseloadReach, type DepartmentScope } from './policy.js';

let api: TestApi;
let citizens: string[];
let municipalityId: string;
beforeAll(async () => {
  api = await startTestApi();
  const rows = sqliteOf(api.app.db).prepare('select id, municipality_id as m from citizen').all() as {
    id: string;
    m: string;
  }[];
  citizens = rows.map((r) => r.id);
  municipalityId = rows[0]?.m as string;
});
afterAll(() => api.close());

const actorFor = (role: Actor['role'], departmentId: string | null, departmentIds: string[] = []): Actor => ({
  subject: `test:${role}:${departmentId}`,
  role,
  municipalityId,
  departmentId,
  departmentIds,
  citizenId: null,
  purpose: 'test',
});

const describeScope = (s: DepartmentScope | null) =>
  s === null ? 'none' : s.kind === 'ALL' ? 'all' : [...s.departmentIds].sort().join(',');

/** What the one-citizen gate says, a fresh actor (no per-request cache) per citizen. */
async function oneByOne(make: () => Actor, id: string): Promise<string> {
  try {
    return describeScope(await authorizeCitizenRead(api.app.db, make(), id, 'test'));
  } catch {
    return 'none';
  }
}

describe('caseloadReach', () => {
  it('agrees with the one-citizen gate for every demo citizen and every kind of case worker', async () => {
    const dept = demoDepartments(api.app);
    const makers: (() => Actor)[] = [
      ...Object.values(dept).map((d) => () => actorFor('PROFESSIONAL', d)),
      () => actorFor('COORDINATOR', null),
      () => actorFor('INTEGRATION', null, [dept.EMPLOYMENT as string, dept.HEALTH as string]),
    ];
    // Consents are checked against the real clock by the one-citizen gate; use the same here.
    const now = new Date();
    let reached = 0;
    for (const make of makers) {
      const reach = await caseloadReach(api.app.db, make(), now);
      for (const id of citizens) {
        const expected = await oneByOne(make, id);
        expect(describeScope(reach.get(id) ?? null), `${make().role} ${make().departmentId} ${id}`).toBe(
          expected,
        );
        if (expected !== 'none') reached++;
      }
    }
    expect(reached).toBeGreaterThan(citizens.length);
  });

  it('refuses roles that never reach citizens’ cases', async () => {
    for (const role of ['ANALYST', 'ADMIN', 'PARENT', 'CITIZEN'] as const) {
      await expect(caseloadReach(api.app.db, actorFor(role, null), new Date())).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });
});
