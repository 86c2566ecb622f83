import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { addDays, copenhagenDate } from '../domain/calendar.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

/** Computed from the clock the API runs on, so the test holds on any day it is run. */
const inSixWeeks = addDays(copenhagenDate(Date.now()), 42);

const MEETINGS = `query($id: ID!) { plan(id: $id) { meetings { id status agreements nextMeetingOn acceptedByParentAt parentComment
  participants { id role displayName ratings { goalId value meetingId participantId } } ratings { id } } } }`;
const START = `mutation($input: StartMeetingInput!) { startMeeting(input: $input) { id status heldAt participants { id role displayName } } }`;
const CLOSE = `mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { id status agreements nextMeetingOn } }`;
const ACCEPT = `mutation($input: AcceptPlanInput!) { acceptPlan(input: $input) { id acceptedByParentAt parentComment } }`;
const RATE = `mutation($input: RateGoalInput!) { rateGoal(input: $input) { id meetingId participantId value } }`;

type Participant = {
  id: string;
  role: string;
  displayName: string;
  ratings: { goalId: string; value: number }[];
};
type Meeting = {
  id: string;
  status: string;
  agreements: string;
  acceptedByParentAt: string | null;
  participants: Participant[];
};

let api: TestApi;
let planId: string;
let otherPlanId: string;
let goalId: string;
let worker: string;
let anna: string;
let seededMeeting: string;
let meetingId: string;
let parentId: string;
const sql = <T>(query: string, ...params: unknown[]) =>
  sqliteOf(api.app.db)
    .prepare(query)
    .all(...params) as T[];
const planOf = (family: string) =>
  sql<{ id: string }>(
    'select p.id from plan p join family f on f.id = p.family_id where f.name = ?',
    family,
  )[0]?.id as string;
const rating = (over: Record<string, unknown>) => ({
  idempotencyKey: crypto.randomUUID(),
  goalId,
  raterRole: 'PARENT',
  value: 6.5,
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  ...over,
});

beforeAll(async () => {
  api = await startTestApi();
  const dept = demoDepartments(api.app);
  planId = planOf('Familien Sørensen');
  otherPlanId = planOf('Familien Haddad');
  goalId = sql<{ id: string }>("select id from goal where plan_id = ? and text like 'Vi har%'", planId)[0]
    ?.id as string;
  seededMeeting = sql<{ id: string }>('select id from dialogue_meeting where plan_id = ?', planId)[0]
    ?.id as string;
  worker = await api.token({ role: 'PROFESSIONAL', departmentId: dept.CHILDREN_FAMILY as string });
  anna = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Anna Sørensen') });
});
afterAll(() => api.close());

describe('family dialogue meetings', () => {
  it('shows the seeded closed meeting with each participant’s own ratings', async () => {
    const result = await api.gql<{ plan: { meetings: Meeting[] } }>(anna, MEETINGS, { id: planId });
    expect(result.errors).toBeUndefined();
    const [meeting] = result.data?.plan.meetings ?? [];
    expect(meeting).toMatchObject({ id: seededMeeting, status: 'CLOSED', acceptedByParentAt: null });
    expect(meeting?.agreements).toMatch(/spilleaften/);
    expect(meeting?.participants.map((p) => [p.role, p.ratings.length])).toEqual([
      ['PARENT', 3],
      ['CHILD', 3],
      ['PROFESSIONAL', 3],
    ]);
  });

  it('starts a meeting with its participants; a second open meeting is a CONFLICT', async () => {
    const input = {
      planId,
      participants: [
        { role: 'PARENT', displayName: 'Anna Sørensen' },
        { role: 'CHILD', displayName: 'Mikkel Sørensen' },
        { role: 'PROFESSIONAL', displayName: 'Jonas Krog' },
      ],
    };
    const started = await api.gql<{
      startMeeting: { id: string; status: string; participants: { id: string; role: string }[] };
    }>(worker, START, { input });
    expect(started.errors).toBeUndefined();
    expect(started.data?.startMeeting.status).toBe('OPEN');
    meetingId = started.data?.startMeeting.id as string;
    parentId = started.data?.startMeeting.participants.find((p) => p.role === 'PARENT')?.id as string;
    const again = await api.gql(worker, START, { input });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('records a participant’s rating in the open meeting', async () => {
    const result = await api.gql<{ rateGoal: { meetingId: string; participantId: string } }>(worker, RATE, {
      input: rating({ meetingId, participantId: parentId }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.rateGoal).toMatchObject({ meetingId, participantId: parentId });
    const plan = await api.gql<{ plan: { meetings: Meeting[] } }>(worker, MEETINGS, { id: planId });
    const open = plan.data?.plan.meetings.find((m) => m.id === meetingId);
    expect(open?.participants.find((p) => p.id === parentId)?.ratings).toEqual([
      { goalId, value: 6.5, meetingId, participantId: parentId },
    ]);
    expect(open?.participants.find((p) => p.role === 'CHILD')?.ratings).toEqual([]);
  });

  it.each([
    ['a closed meeting', () => ({ meetingId: seededMeeting }), /closed/],
    ['a meeting of another plan', () => ({ meetingId: 'no-such-meeting' }), /goal's plan/],
    ['a participant of another meeting', () => ({ meetingId, participantId: 'someone-else' }), /participant/],
    ['a participant without a meeting', () => ({ participantId: parentId }), /meetingId/],
  ])('refuses a rating tied to %s with BAD_USER_INPUT and stores nothing', async (_, over, message) => {
    const rows = api.count('goal_rating');
    const result = await api.gql(worker, RATE, { input: rating(over()) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(api.count('goal_rating')).toBe(rows);
  });

  it('refuses a parent’s acceptance while the meeting is open', async () => {
    const result = await api.gql(anna, ACCEPT, { input: { meetingId } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('closes the meeting with agreements; it then takes no more ratings', async () => {
    const closed = await api.gql<{ closeMeeting: { status: string; nextMeetingOn: string } }>(worker, CLOSE, {
      input: { meetingId, agreements: 'Mikkel cykler selv i skole.', nextMeetingOn: inSixWeeks },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeMeeting).toMatchObject({ status: 'CLOSED', nextMeetingOn: inSixWeeks });
    const late = await api.gql(worker, RATE, { input: rating({ meetingId }) });
    expect(late.errors?.[0]?.message).toMatch(/closed/);
    const twice = await api.gql(worker, CLOSE, { input: { meetingId, agreements: 'Igen' } });
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets a parent of the family accept the plan, once', async () => {
    const result = await api.gql<{ acceptPlan: { acceptedByParentAt: string; parentComment: string } }>(
      anna,
      ACCEPT,
      {
        input: { meetingId, comment: 'Det lyder godt.' },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.acceptPlan.parentComment).toBe('Det lyder godt.');
    const again = await api.gql<{ acceptPlan: { acceptedByParentAt: string; parentComment: string } }>(
      anna,
      ACCEPT,
      {
        input: { meetingId, comment: 'Ændret' },
      },
    );
    expect(again.data?.acceptPlan).toEqual(result.data?.acceptPlan);
  });

  it('refuses acceptance to a professional (FORBIDDEN) and to another family’s parent (NOT_FOUND)', async () => {
    const rows = sql('select accepted_by_parent_at from dialogue_meeting order by id');
    const byWorker = await api.gql(worker, ACCEPT, { input: { meetingId: seededMeeting } });
    expect(byWorker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const karim = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Karim Haddad') });
    const byKarim = await api.gql(karim, ACCEPT, { input: { meetingId: seededMeeting } });
    expect(byKarim.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(sql('select accepted_by_parent_at from dialogue_meeting order by id')).toEqual(rows);
  });

  it('refuses to start a meeting to the ANALYST and PARENT roles', async () => {
    const rows = api.count('dialogue_meeting');
    const analyst = await api.token({ role: 'ANALYST' });
    const input = { planId: otherPlanId, participants: [{ role: 'PARENT', displayName: 'Karim' }] };
    for (const token of [analyst, anna]) {
      const result = await api.gql(token, START, { input });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(api.count('dialogue_meeting')).toBe(rows);
  });

  it.each([
    ['no participants', { participants: [] }, 'participants'],
    ['an unknown role', { participants: [{ role: 'TEACHER', displayName: 'Lærer' }] }, 'participants.0.role'],
    [
      'a CPR number as a name',
      { participants: [{ role: 'PARENT', displayName: '010203-1234' }] },
      'participants.0.displayName',
    ],
    ['a start in the future', { heldAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }, 'heldAt'],
  ])('refuses a meeting with %s: BAD_USER_INPUT, nothing written', async (_, over, field) => {
    const rows = [api.count('dialogue_meeting'), api.count('meeting_participant')];
    const input = {
      planId: otherPlanId,
      participants: [{ role: 'PARENT', displayName: 'Karim Haddad' }],
      ...over,
    };
    const result = await api.gql(worker, START, { input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect([api.count('dialogue_meeting'), api.count('meeting_participant')]).toEqual(rows);
  });
});
