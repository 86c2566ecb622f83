import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attentionKinds } from '../domain/caseload/attention.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const CASELOAD = `query($filter: CaseloadFilter) { caseload(filter: $filter) {
  asOf followUpDays unratedWeeks total counts { kind citizens }
  rows { citizenId displayName lastMeasuredOn
    reasons { kind colour alertReasons instrumentKey department { name } planId since days count }
    plans { id familyName contactPoints { professionals departments } contactPointsBefore { departments } } } } }`;
const CITIZENS = `{ citizens(limit: 200) { id } }`;

interface Reason {
  kind: string;
  colour: string | null;
  alertReasons: string[];
  department: { name: string } | null;
  planId: string | null;
  since: string | null;
  days: number | null;
  count: number | null;
}
interface Row {
  citizenId: string;
  displayName: string;
  reasons: Reason[];
  plans: { id: string; familyName: string | null; contactPoints: { departments: number } | null }[];
}
interface Caseload {
  caseload: {
    asOf: string;
    followUpDays: number;
    total: number;
    counts: { kind: string; citizens: number }[];
    rows: Row[];
  };
}

let api: TestApi;
let dept: Record<string, string>;
let job: string;
let health: string;
let coordinator: string;
beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  job = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
  health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
  coordinator = await api.token({ role: 'COORDINATOR' });
});
afterAll(() => api.close());

const caseload = async (token: string, filter?: Record<string, unknown>) => {
  const result = await api.gql<Caseload>(token, CASELOAD, filter ? { filter } : {});
  expect(result.errors).toBeUndefined();
  return (result.data as Caseload).caseload;
};
const rank = (r: Row) => (r.reasons[0] ? attentionKinds.indexOf(r.reasons[0].kind as never) : 99);

describe('caseload', () => {
  it('says why in the scoring rules’ terms: Anna’s adult-services series is red and diverges from the jobcentre’s', async () => {
    const result = await caseload(job);
    const anna = result.rows.find((r) => r.displayName === 'Anna Sørensen');
    // Seeded: jobcentre outcome improving, adult services (seen through Anna's consent) deteriorating.
    expect(anna?.reasons.map((r) => r.kind)).toEqual(['OUTCOME_RED', 'DIVERGENCE']);
    expect(anna?.reasons[0]).toMatchObject({
      colour: 'RED',
      department: { name: 'Voksenområdet' },
      alertReasons: expect.arrayContaining(['RELIABLE_DETERIORATION']),
    });
    expect(anna?.plans.map((p) => p.familyName)).toEqual(['Familien Sørensen']);
    expect(result.followUpDays).toBe(28);
    expect(result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('sorts what needs attention first and counts citizens per kind over every row', async () => {
    const result = await caseload(job);
    const ranks = result.rows.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(result.rows[0]?.reasons[0]?.kind).toBe('OUTCOME_RED');
    const red = result.rows.filter((r) => r.reasons.some((x) => x.kind === 'OUTCOME_RED')).length;
    expect(result.counts.find((c) => c.kind === 'OUTCOME_RED')?.citizens).toBe(red);
    expect(result.total).toBe(result.rows.length);
  });

  it('never shows a row the access policy hides, and audits each row shown', async () => {
    const visible = new Set(
      ((await api.gql<{ citizens: { id: string }[] }>(health, CITIZENS)).data?.citizens ?? []).map(
        (c) => c.id,
      ),
    );
    const before = api.count('audit_event');
    const result = await caseload(health);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => visible.has(r.citizenId))).toBe(true);
    expect(result.rows.map((r) => r.displayName)).not.toContain('Anna Sørensen');
    expect(result.total).toBe(visible.size);
    expect(api.count('audit_event')).toBe(before + result.rows.length);
  });

  it('filters by reason, target group and the person’s own measurements', async () => {
    const red = await caseload(job, { reasons: ['OUTCOME_RED'] });
    expect(red.rows.length).toBeGreaterThan(0);
    expect(red.rows.every((r) => r.reasons.some((x) => x.kind === 'OUTCOME_RED'))).toBe(true);
    const young = await caseload(coordinator, { targetGroup: 'vulnerable-young-17-25' });
    expect(young.rows.map((r) => r.displayName)).toContain('Emil Nørgaard');
    expect(young.rows.map((r) => r.displayName)).not.toContain('Anna Sørensen');
    // Every demo measurement was recorded by the seed, not by this person.
    expect((await caseload(job, { scope: 'MINE' })).rows).toEqual([]);
    const limited = await caseload(job, { limit: 2 });
    expect(limited.rows).toHaveLength(2);
    expect(limited.total).toBeGreaterThan(2);
  });

  it('flags a family meeting whose agreed date has passed once per family, on one member’s row', async () => {
    const haddadPlan = (await caseload(coordinator)).rows.find((r) => r.displayName === 'Karim Haddad')
      ?.plans[0]?.id as string;
    const started = await api.gql<{ startMeeting: { id: string } }>(
      coordinator,
      `mutation($input: StartMeetingInput!) { startMeeting(input: $input) { id } }`,
      {
        input: {
          planId: haddadPlan,
          heldAt: '2024-01-10T10:00:00+01:00',
          participants: [{ role: 'PARENT', displayName: 'Karim Haddad' }],
        },
      },
    );
    const open = await caseload(coordinator, { reasons: ['MEETING_OVERDUE'] });
    expect(open.rows.map((r) => r.displayName)).not.toContain('Karim Haddad');
    await api.gql(
      coordinator,
      `mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }`,
      {
        input: {
          meetingId: started.data?.startMeeting.id,
          agreements: 'Vi ses',
          nextMeetingOn: '2024-02-01',
        },
      },
    );
    const overdue = await caseload(coordinator, { reasons: ['MEETING_OVERDUE'] });
    // The coordinator has no case of their own, so the family's reason goes on the first member
    // by name; the other member still links to the plan but is not counted again.
    expect(overdue.rows.map((r) => r.displayName)).toEqual(['Karim Haddad']);
    expect(overdue.counts.find((c) => c.kind === 'MEETING_OVERDUE')?.citizens).toBe(1);
    const reason = overdue.rows[0]?.reasons.find((r) => r.kind === 'MEETING_OVERDUE');
    expect(reason).toMatchObject({ planId: haddadPlan, since: '2024-02-01' });
    expect(reason?.days).toBeGreaterThan(300);
    const laila = (await caseload(coordinator)).rows.find((r) => r.displayName === 'Laila Haddad');
    expect(laila?.plans.map((p) => p.id)).toContain(haddadPlan);
    expect(laila?.reasons.map((r) => r.kind)).not.toContain('MEETING_OVERDUE');
  });

  it('gives the coordinator the plan checks and contact points, and a professional neither', async () => {
    const coordinated = await caseload(coordinator);
    const anna = coordinated.rows.find((r) => r.displayName === 'Anna Sørensen');
    // Seeded: the §85 support worker and the jobcentre mentor both serve Anna's job goal.
    expect(anna?.reasons.map((r) => r.kind)).toContain('PARALLEL_INTERVENTIONS');
    expect(anna?.plans[0]?.contactPoints?.departments).toBe(3);
    const professional = await caseload(job);
    const kinds = professional.rows.flatMap((r) => r.reasons.map((x) => x.kind));
    expect(kinds).not.toContain('PARALLEL_INTERVENTIONS');
    expect(
      professional.rows.find((r) => r.displayName === 'Anna Sørensen')?.plans[0]?.contactPoints,
    ).toBeNull();
  });

  it('uses the department’s follow-up interval, which only a coordinator or administrator sets', async () => {
    const SET = `mutation($d: ID!, $days: Int) { setFollowUpInterval(departmentId: $d, days: $days) { id followUpDays } }`;
    const refused = await api.gql(job, SET, { d: dept.EMPLOYMENT, days: 7 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stale = (c: Caseload['caseload']) =>
      c.counts.find((x) => x.kind === 'NO_RECENT_MEASUREMENT')?.citizens;
    const before = stale(await caseload(job)) ?? 0;
    const set = await api.gql<{ setFollowUpInterval: { followUpDays: number } }>(coordinator, SET, {
      d: dept.EMPLOYMENT,
      days: 365,
    });
    expect(set.data?.setFollowUpInterval.followUpDays).toBe(365);
    const relaxed = await caseload(job);
    expect(relaxed.followUpDays).toBe(365);
    expect(stale(relaxed)).toBeLessThan(before);
    await api.gql(coordinator, SET, { d: dept.EMPLOYMENT, days: null });
    expect((await caseload(job)).followUpDays).toBe(28);
  });

  it('refuses unknown filters and out-of-range intervals with BAD_USER_INPUT, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ followUpDays: 0 }, 'filter.followUpDays'],
      [{ followUpDays: 366 }, 'filter.followUpDays'],
      [{ unratedWeeks: 53 }, 'filter.unratedWeeks'],
      [{ limit: 501 }, 'filter.limit'],
      [{ targetGroup: 'no-such-group' }, 'filter.targetGroup'],
    ];
    for (const [filter, field] of cases) {
      const before = api.count('audit_event');
      const result = await api.gql(job, CASELOAD, { filter });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.data ?? null).toBeNull();
      expect(api.count('audit_event')).toBe(before);
    }
    const unknownKind = await api.gql(job, CASELOAD, { filter: { reasons: ['SOMETHING'] } });
    expect(unknownKind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownField = await api.gql(job, CASELOAD, { filter: { colour: 'RED' } });
    expect(unknownField.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is for case workers: parents and analysts are refused', async () => {
    const parent = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Anna Sørensen') });
    const analyst = await api.token({ role: 'ANALYST' });
    for (const token of [parent, analyst]) {
      const result = await api.gql(token, CASELOAD);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
