import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import { subscribeOverSse, within } from '../testing/sse.js';

const SUBSCRIBE = `subscription($planId: ID!) { goalRated(planId: $planId) {
  planId rating { goalId value raterRole meetingId } goal { id latest spread disagreement subject { displayName familyRole } } } }`;
const RATE = `mutation($input: RateGoalInput!) { rateGoal(input: $input) { id } }`;

/** The rated value an event carries. */
const ratedValue = (result: { data?: Record<string, unknown> | null }) =>
  (result.data?.goalRated as { rating: { value: number } } | undefined)?.rating.value;

let api: TestApi;
let planId: string;
let goalId: string;
let worker: string;
let anna: string;
let karim: string;

beforeAll(async () => {
  api = await startTestApi();
  const sql = <T>(q: string, ...p: unknown[]) =>
    sqliteOf(api.app.db)
      .prepare(q)
      .all(...p) as T[];
  planId = sql<{ id: string }>(
    "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
  )[0]?.id as string;
  goalId = sql<{ id: string }>("select id from goal where plan_id = ? and text like 'Mikkel%'", planId)[0]
    ?.id as string;
  worker = await api.token({ role: 'PROFESSIONAL', departmentId: demoDepartments(api.app).CHILDREN_FAMILY });
  anna = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Anna Sørensen') });
  karim = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Karim Haddad') });
});

afterAll(() => api.close());

const rating = (value: number, key = crypto.randomUUID()) => ({
  input: { idempotencyKey: key, goalId, raterRole: 'PARENT', value, occurredAt: new Date().toISOString() },
});

describe('Subscription.goalRated over SSE', () => {
  it('delivers a parent’s rating to the caseworker’s open stream, with the goal as it now stands', async () => {
    const stream = await subscribeOverSse(SUBSCRIBE, api.url, worker, { planId });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    try {
      const event = stream.next();
      // Give the server a moment to register the subscriber before the rating is stored.
      await new Promise((r) => setTimeout(r, 100));
      const rated = await api.gql(anna, RATE, rating(9.5));
      expect(rated.errors).toBeUndefined();
      const { data } = await within(1000, event);
      const payload = data?.goalRated as {
        planId: string;
        rating: { goalId: string; value: number; raterRole: string; meetingId: string | null };
        goal: { id: string; subject: { displayName: string; familyRole: string } };
      };
      expect(payload.planId).toBe(planId);
      expect(payload.rating).toEqual({ goalId, value: 9.5, raterRole: 'PARENT', meetingId: null });
      expect(payload.goal.id).toBe(goalId);
      expect(payload.goal.subject).toEqual({ displayName: 'Mikkel Sørensen', familyRole: 'CHILD' });
    } finally {
      stream.close();
    }
  });

  it('announces a replayed idempotency key only once', async () => {
    const stream = await subscribeOverSse(SUBSCRIBE, api.url, anna, { planId });
    try {
      const key = crypto.randomUUID();
      const first = stream.next();
      await new Promise((r) => setTimeout(r, 100));
      await api.gql(worker, RATE, rating(4, key));
      expect(ratedValue(await within(1000, first))).toBe(4);
      const second = stream.next();
      await api.gql(worker, RATE, rating(4, key));
      await api.gql(worker, RATE, rating(6));
      expect(ratedValue(await within(1000, second))).toBe(6);
    } finally {
      stream.close();
    }
  });

  it('refuses a parent of another family as NOT_FOUND, without revealing the plan', async () => {
    const stream = await subscribeOverSse(SUBSCRIBE, api.url, karim, { planId });
    try {
      const result = await within(1000, stream.next());
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      stream.close();
    }
  });

  it('refuses a subscriber without a token as UNAUTHENTICATED', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIBE, variables: { planId } }),
    });
    const text = await response.text();
    expect(text).toContain('UNAUTHENTICATED');
    expect(text).not.toContain('goalId');
  });
});
