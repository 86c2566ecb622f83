import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import { subscribeOverSse, within } from '../testing/sse.js';

const MEETING_CHANGED = `subscription($planId: ID!) { meetingChanged(planId: $planId) {
  planId meeting { id status nextMeetingOn } } }`;
const CASELOAD_CHANGED = `subscription { caseloadChanged { cause at } }`;
const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const settle = () => new Promise((r) => setTimeout(r, 100));

let api: TestApi;
let dept: Record<string, string>;
let planId: string;
let coordinator: string;
beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  planId = (
    sqliteOf(api.app.db)
      .prepare(
        "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
      )
      .get() as { id: string }
  ).id;
  coordinator = await api.token({ role: 'COORDINATOR' });
});
afterAll(() => api.close());

const measure = (token: string, citizenId: string, departmentId: string) =>
  api.gql(token, RECORD, {
    input: {
      idempotencyKey: crypto.randomUUID(),
      citizenId,
      departmentId,
      instrumentKey: 'outcome',
      respondentRole: 'CITIZEN',
      occurredAt: '2025-06-01T10:00:00+02:00',
      values: [5, 5, 5, 5],
    },
  });

describe('Subscription.meetingChanged', () => {
  it('tells another open screen when a meeting starts and closes', async () => {
    const worker = await api.token({ role: 'PROFESSIONAL', departmentId: dept.CHILDREN_FAMILY as string });
    const stream = await subscribeOverSse(MEETING_CHANGED, api.url, worker, { planId });
    expect(stream.status).toBe(200);
    try {
      const first = stream.next();
      await settle();
      const started = await api.gql<{ startMeeting: { id: string } }>(
        coordinator,
        `mutation($input: StartMeetingInput!) { startMeeting(input: $input) { id } }`,
        { input: { planId, participants: [{ role: 'PARENT', displayName: 'Anna Sørensen' }] } },
      );
      const id = started.data?.startMeeting.id;
      expect((await within(1000, first)).data?.meetingChanged).toEqual({
        planId,
        meeting: { id, status: 'OPEN', nextMeetingOn: null },
      });
      const second = stream.next();
      await api.gql(
        coordinator,
        `mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }`,
        {
          input: { meetingId: id, agreements: 'Aftalt', nextMeetingOn: '2199-01-01' },
        },
      );
      expect((await within(1000, second)).data?.meetingChanged).toMatchObject({
        meeting: { id, status: 'CLOSED', nextMeetingOn: '2199-01-01' },
      });
    } finally {
      stream.close();
    }
  });

  it('is refused for a plan out of reach, like reading it', async () => {
    const other = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Karim Haddad') });
    const stream = await subscribeOverSse(MEETING_CHANGED, api.url, other, { planId });
    try {
      const result = await within(1000, stream.next());
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      stream.close();
    }
  });
});

describe('Subscription.caseloadChanged', () => {
  it('reaches only case workers who may open the measured citizen, and says no more than what and when', async () => {
    const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
    const education = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EDUCATION as string });
    const healthStream = await subscribeOverSse(CASELOAD_CHANGED, api.url, health, {});
    const educationStream = await subscribeOverSse(CASELOAD_CHANGED, api.url, education, {});
    try {
      const heard = healthStream.next();
      let educationHeard = false;
      const educationNext = educationStream.next().then((e) => {
        educationHeard = true;
        return e;
      });
      await settle();
      // Sundhed measures Karim; Skole og Uddannelse has no case with him.
      expect(
        (await measure(health, demoCitizen(api.app, 'Karim Haddad'), dept.HEALTH as string)).errors,
      ).toBeUndefined();
      const event = (await within(1000, heard)).data?.caseloadChanged as Record<string, unknown>;
      expect(Object.keys(event).sort()).toEqual(['at', 'cause']);
      expect(event.cause).toBe('MEASUREMENT');
      await settle();
      expect(educationHeard).toBe(false);
      await measure(education, demoCitizen(api.app, 'Emil Nørgaard'), dept.EDUCATION as string);
      expect((await within(1000, educationNext)).data?.caseloadChanged).toMatchObject({
        cause: 'MEASUREMENT',
      });
    } finally {
      healthStream.close();
      educationStream.close();
    }
  });

  it('is for case workers only', async () => {
    const analyst = await api.token({ role: 'ANALYST' });
    const stream = await subscribeOverSse(CASELOAD_CHANGED, api.url, analyst, {});
    try {
      expect((await within(1000, stream.next())).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      stream.close();
    }
  });
});
