import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import {
  citizen,
  citizenDepartment,
  citizenExternalRef,
  citizenTargetGroup,
  family,
  familyMember,
  goal,
  goalDepartment,
  measurement,
  notificationOptOut,
  plan,
  targetGroup,
} from '../db/tables.js';
import { tablesNamingCitizens } from '../testing/citizen-tables.js';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import { confirmCitizenMerge, mergeCitizens, undoCitizenMerge } from './citizen-merge.js';
import { mergeCounts } from './citizen-merge-counts.js';

/**
 * The merge of two records of one person, in the domain, on the real database: every row naming
 * the duplicate reaches the survivor, collisions keep one row (the case the earlier start), undo
 * puts every table back exactly, and each refusal writes nothing.
 */

let api: TestApi;
let dept: Record<string, string>;
let municipalityId: string;
let admin: Actor;
const T1 = new Date('2025-01-10T09:00:00Z');
const T2 = new Date('2025-03-10T09:00:00Z');
const T3 = new Date('2025-05-10T09:00:00Z');
const NOW = new Date('2026-01-05T12:00:00Z');

/** Every table that may name a citizen (audit and the merge's own log aside). */
const TABLES = tablesNamingCitizens;

/** The whole of those tables, order-free: equal snapshots mean nothing changed. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES)
    out[t] = (await api.query<object>(`select * from ${t}`)).map((r) => JSON.stringify(r)).sort();
  return out;
}

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  municipalityId = (await api.query<{ id: string }>('select id from municipality limit 1'))[0]?.id as string;
  admin = {
    subject: 'test:admin',
    role: 'ADMIN',
    municipalityId,
    departmentId: null,
    departmentIds: [],
    citizenId: null,
    purpose: 'administration',
    at: NOW,
  };
});
afterAll(() => api.close());

async function person(name: string, cprHash: string | null = null): Promise<string> {
  const [row] = await api.app.db
    .insert(citizen)
    .values({ municipalityId, displayName: name, birthYear: 1980, createdAt: T1, cprHash })
    .returning();
  return row?.id as string;
}

const openCase = (citizenId: string, departmentId: string, since: Date) =>
  api.app.db
    .insert(citizenDepartment)
    .values({ citizenId, departmentId, municipalityId, reason: 'REGISTERED', since });

const measure = (citizenId: string, departmentId: string, at: Date) =>
  api.app.db.insert(measurement).values({
    municipalityId,
    citizenId,
    departmentId,
    instrumentKey: 'outcome',
    instrumentVersion: 1,
    respondentRole: 'CITIZEN',
    occurredAt: at,
    recordedAt: at,
    total: 200,
    itemValues: [50, 50, 50, 50],
    idempotencyKey: crypto.randomUUID(),
    recordedBy: 'test',
  });

async function ownPlan(citizenId: string, closedAt: Date | null): Promise<string> {
  const [row] = await api.app.db
    .insert(plan)
    .values({ municipalityId, citizenId, createdAt: T1, closedAt })
    .returning();
  return row?.id as string;
}

async function familyOf(members: [string, 'PARENT' | 'CHILD'][]): Promise<string> {
  const [f] = await api.app.db
    .insert(family)
    .values({ municipalityId, name: 'Familien Test', createdAt: T1 })
    .returning();
  const familyId = f?.id as string;
  for (const [citizenId, role] of members)
    await api.app.db.insert(familyMember).values({ familyId, citizenId, role });
  return familyId;
}

/** What a refusal says, as the domain throws it: the code, and everything else as details. */
const asDomainError = ({ code, ...details }: Record<string, unknown>) => ({ code, details });

describe('merging two records of one person', () => {
  it('moves every row of the duplicate to the survivor, and undo puts every table back exactly', async () => {
    const survivor = await person('Mette Hansen');
    const duplicate = await person('Mette Hansen (dublet)', 'a'.repeat(64));
    await openCase(survivor, dept.HEALTH as string, T2);
    await openCase(duplicate, dept.HEALTH as string, T1);
    await measure(duplicate, dept.EMPLOYMENT as string, T3);
    await measure(duplicate, dept.EMPLOYMENT as string, T3);
    const closedPlan = await ownPlan(duplicate, T2);
    const activePlan = await ownPlan(survivor, null);
    // A family both records belong to as PARENT, whose plan has a goal about the duplicate.
    const familyId = await familyOf([
      [survivor, 'PARENT'],
      [duplicate, 'PARENT'],
    ]);
    const [familyPlan] = await api.app.db
      .insert(plan)
      .values({ municipalityId, familyId, createdAt: T1 })
      .returning();
    const [aboutDuplicate] = await api.app.db
      .insert(goal)
      .values({
        municipalityId,
        planId: familyPlan?.id as string,
        subjectCitizenId: duplicate,
        text: 'Mere ro',
        instrumentKey: 'outcome',
        baseline: 30,
        target: 70,
        createdAt: T1,
      })
      .returning();
    // The trigger opens the education department's case for both parents.
    await api.app.db
      .insert(goalDepartment)
      .values({ goalId: aboutDuplicate?.id as string, departmentId: dept.EDUCATION as string });
    await api.app.db.insert(citizenExternalRef).values([
      { citizenId: survivor, municipalityId, system: 'sag', value: 'S-1' },
      { citizenId: duplicate, municipalityId, system: 'sag', value: 'D-1' },
      { citizenId: duplicate, municipalityId, system: 'journal', value: 'D-2' },
    ]);
    const [group] = await api.app.db
      .insert(targetGroup)
      .values({ municipalityId, key: 'merge-test', name: 'Merge test' })
      .returning();
    await api.app.db.insert(citizenTargetGroup).values([
      { citizenId: survivor, targetGroupId: group?.id as string },
      { citizenId: duplicate, targetGroupId: group?.id as string },
    ]);
    await api.app.db
      .insert(notificationOptOut)
      .values([{ municipalityId, citizenId: duplicate, kind: 'MEETING_REMINDER', createdAt: T2 }]);
    const before = await snapshot();

    const merge = await mergeCitizens(
      api.app.db,
      admin,
      { survivorId: survivor, duplicateId: duplicate, reason: 'Registreret to gange' },
      NOW,
    );
    expect(merge.status).toBe('PENDING');
    for (const [table, column] of [
      ['measurement', 'citizen_id'],
      ['plan', 'citizen_id'],
      ['goal', 'subject_citizen_id'],
      ['citizen_department', 'citizen_id'],
      ['family_member', 'citizen_id'],
      ['citizen_external_ref', 'citizen_id'],
      ['citizen_target_group', 'citizen_id'],
      ['notification_opt_out', 'citizen_id'],
    ]) {
      const left = await api.query<object>(`select * from ${table} where ${column} = ?`, duplicate);
      expect(left, `${table} still names the duplicate`).toEqual([]);
    }
    const survivorRow = (
      await api.query<{ cpr_hash: string | null }>('select cpr_hash from citizen where id = ?', survivor)
    )[0];
    expect(survivorRow?.cpr_hash).toBe('a'.repeat(64));
    const duplicateRow = (
      await api.query<{ cpr_hash: string | null; merged_into_id: string | null }>(
        'select cpr_hash, merged_into_id from citizen where id = ?',
        duplicate,
      )
    )[0];
    expect(duplicateRow).toEqual({ cpr_hash: null, merged_into_id: survivor });
    const cases = await api.query<{ department_id: string; since: number }>(
      'select department_id, since from citizen_department where citizen_id = ? order by department_id',
      survivor,
    );
    // The health case began when the duplicate's did, the earlier of the two.
    expect(cases.find((c) => c.department_id === dept.HEALTH)?.since).toBe(T1.getTime());
    expect(cases.map((c) => c.department_id).sort()).toEqual(
      [dept.HEALTH, dept.EMPLOYMENT, dept.EDUCATION].map(String).sort(),
    );
    const refs = await api.query<{ system: string; value: string }>(
      'select system, value from citizen_external_ref where citizen_id = ? order by system',
      survivor,
    );
    // The survivor keeps its own reference where both had one in a system.
    expect(refs).toEqual([
      { system: 'journal', value: 'D-2' },
      { system: 'sag', value: 'S-1' },
    ]);
    expect(await api.query('select plan_id from goal where subject_citizen_id = ?', survivor)).toHaveLength(
      1,
    );
    expect(await api.query('select id from plan where citizen_id = ? order by id', survivor)).toHaveLength(2);
    expect(closedPlan).not.toBe(activePlan);
    expect(await mergeCounts(api.app.db, merge)).toMatchObject({
      measurements: 2,
      plans: 1,
      goals: 1,
      cases: 3,
      familyMemberships: 1,
      targetGroups: 1,
      externalReferences: 2,
      notificationOptOuts: 1,
    });
    const audits = await api.query<{ citizen_id: string; detail: string; purpose: string }>(
      "select citizen_id, detail, purpose from audit_event where action = 'mergeCitizens' and detail = ?",
      `citizenMerge:${merge.id}`,
    );
    expect(audits.map((a) => a.citizen_id).sort()).toEqual([survivor, duplicate].sort());
    expect(audits[0]?.purpose).toBe('administration');

    const undone = await undoCitizenMerge(api.app.db, admin, merge.id, NOW);
    expect(undone.status).toBe('UNDONE');
    expect(await snapshot()).toEqual(before);
    await expect(undoCitizenMerge(api.app.db, admin, merge.id, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { status: 'UNDONE' },
    });
  });

  it('is final once confirmed: undo answers CONFLICT and the duplicate stays merged', async () => {
    const survivor = await person('Ole Berg');
    const duplicate = await person('Ole Berg');
    await measure(duplicate, dept.HEALTH as string, T2);
    const merge = await mergeCitizens(
      api.app.db,
      admin,
      { survivorId: survivor, duplicateId: duplicate, reason: 'Dublet' },
      NOW,
    );
    const confirmed = await confirmCitizenMerge(api.app.db, admin, merge.id, NOW);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', decidedAt: NOW, decidedBy: 'test:admin' });
    await expect(undoCitizenMerge(api.app.db, admin, merge.id, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { status: 'CONFIRMED' },
    });
    expect(await api.query('select id from measurement where citizen_id = ?', survivor)).toHaveLength(1);
    const row = (
      await api.query<{ merged_into_id: string }>(
        'select merged_into_id from citizen where id = ?',
        duplicate,
      )
    )[0];
    expect(row?.merged_into_id).toBe(survivor);
  });

  it('refuses an undo that rows written since would break, changing nothing', async () => {
    const survivor = await person('Per Lund');
    const duplicate = await person('Per Lund');
    await api.app.db.insert(citizenExternalRef).values([
      { citizenId: survivor, municipalityId, system: 'sag', value: 'L-1' },
      { citizenId: duplicate, municipalityId, system: 'sag', value: 'L-2' },
    ]);
    await measure(duplicate, dept.HEALTH as string, T2);
    const merge = await mergeCitizens(
      api.app.db,
      admin,
      { survivorId: survivor, duplicateId: duplicate, reason: 'Dublet' },
      NOW,
    );
    // The duplicate's reference was set aside, so the case system's number was free to reuse.
    const newcomer = await person('Ny Person');
    await api.app.db
      .insert(citizenExternalRef)
      .values({ citizenId: newcomer, municipalityId, system: 'sag', value: 'L-2' });
    const before = await snapshot();
    await expect(undoCitizenMerge(api.app.db, admin, merge.id, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'CHANGED_SINCE_MERGE' },
    });
    expect(await snapshot()).toEqual(before);
    const status = await api.query<{ status: string }>(
      'select status from citizen_merge where id = ?',
      merge.id,
    );
    expect(status[0]?.status).toBe('PENDING');
  });

  it('refuses to undo a merge whose survivor was merged on, until that merge is undone', async () => {
    const [a, b, c] = [await person('Kæde'), await person('Kæde'), await person('Kæde')];
    await measure(a, dept.HEALTH as string, T2);
    const first = await mergeCitizens(
      api.app.db,
      admin,
      { survivorId: b, duplicateId: a, reason: 'Dublet' },
      NOW,
    );
    const second = await mergeCitizens(
      api.app.db,
      admin,
      { survivorId: c, duplicateId: b, reason: 'Dublet' },
      NOW,
    );
    await expect(undoCitizenMerge(api.app.db, admin, first.id, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'SURVIVOR_MERGED' },
    });
    await undoCitizenMerge(api.app.db, admin, second.id, NOW);
    await undoCitizenMerge(api.app.db, admin, first.id, NOW);
    expect(await api.query('select id from measurement where citizen_id = ?', a)).toHaveLength(1);
  });

  describe('refuses, writing nothing,', () => {
    const refused = async (
      input: { survivorId: string; duplicateId: string },
      expected: Record<string, unknown>,
      actor: Actor = admin,
    ) => {
      const before = await snapshot();
      const merges = api.count('citizen_merge');
      const audits = api.count('audit_event');
      await expect(
        mergeCitizens(api.app.db, actor, { ...input, reason: 'Forsøg' }, NOW),
      ).rejects.toMatchObject(asDomainError(expected));
      expect(await snapshot()).toEqual(before);
      expect(api.count('citizen_merge')).toBe(merges);
      expect(api.count('audit_event')).toBe(audits);
    };

    it('a record merged with itself (BAD_USER_INPUT naming duplicateId)', async () => {
      const one = await person('Selv');
      await refused({ survivorId: one, duplicateId: one }, { code: 'BAD_USER_INPUT', field: 'duplicateId' });
    });

    it('an unknown record, or one of another municipality (NOT_FOUND)', async () => {
      const one = await person('Kendt');
      await refused({ survivorId: one, duplicateId: crypto.randomUUID() }, { code: 'NOT_FOUND' });
      const [elsewhere] = await api.app.db
        .insert(citizen)
        .values({
          municipalityId: 'another-municipality',
          displayName: 'Fremmed',
          birthYear: 1980,
          createdAt: T1,
        })
        .returning();
      await refused({ survivorId: one, duplicateId: elsewhere?.id as string }, { code: 'NOT_FOUND' });
    });

    it('two records with different CPR numbers (CONFLICT, DIFFERENT_PEOPLE)', async () => {
      const a = await person('A', 'b'.repeat(64));
      const b = await person('B', 'c'.repeat(64));
      await refused({ survivorId: a, duplicateId: b }, { code: 'CONFLICT', reason: 'DIFFERENT_PEOPLE' });
    });

    it('two records that each have an active plan (CONFLICT naming both)', async () => {
      const a = await person('Plan A');
      const b = await person('Plan B');
      const planIds = [await ownPlan(a, null), await ownPlan(b, null)].sort();
      await refused(
        { survivorId: a, duplicateId: b },
        { code: 'CONFLICT', reason: 'TWO_ACTIVE_PLANS', planIds },
      );
    });

    it('two records in one family in different roles (CONFLICT, CONFLICTING_MEMBERSHIPS)', async () => {
      const a = await person('Forælder');
      const b = await person('Barn');
      const familyId = await familyOf([
        [a, 'PARENT'],
        [b, 'CHILD'],
      ]);
      await refused(
        { survivorId: a, duplicateId: b },
        { code: 'CONFLICT', reason: 'CONFLICTING_MEMBERSHIPS', familyId },
      );
    });

    it('a record already merged (CONFLICT, ALREADY_MERGED)', async () => {
      const a = await person('Først');
      const b = await person('Først');
      const c = await person('Først');
      await mergeCitizens(api.app.db, admin, { survivorId: a, duplicateId: b, reason: 'Dublet' }, NOW);
      await refused(
        { survivorId: c, duplicateId: b },
        { code: 'CONFLICT', reason: 'ALREADY_MERGED', field: 'duplicateId' },
      );
      await refused(
        { survivorId: b, duplicateId: c },
        { code: 'CONFLICT', reason: 'ALREADY_MERGED', field: 'survivorId' },
      );
    });

    it('anyone but an administrator (FORBIDDEN)', async () => {
      const a = await person('Rolle A');
      const b = await person('Rolle B');
      await refused(
        { survivorId: a, duplicateId: b },
        { code: 'FORBIDDEN' },
        { ...admin, role: 'COORDINATOR' },
      );
    });
  });
});
