import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import { type Stream, subscribeOverSse, within } from '../testing/sse.js';
import { MAX_STREAMS_PER_SUBJECT } from './live-access.js';

/** Issue #16 item 6: a live stream is only as good as the access behind it, event by event. */
const SUBSCRIBE = `subscription($planId: ID!) { goalRated(planId: $planId) { planId rating { value } } }`;
const RATE = 'mutation($input: RateGoalInput!) { rateGoal(input: $input) { id } }';
const GRANT = 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id) { id } }';

let api: TestApi;
let planId: string;
let goalId: string;
let anna: string;
let annaToken: string;
let mentor: string;
let dept: Record<string, string>;

const sql = <T>(q: string, ...p: unknown[]) =>
  sqliteOf(api.app.db)
    .prepare(q)
    .all(...p) as T[];

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  planId = sql<{ id: string }>(
    "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
  )[0]?.id as string;
  goalId = sql<{ id: string }>("select id from goal where plan_id = ? and text like 'Mikkel%'", planId)[0]
    ?.id as string;
  anna = demoCitizen(api.app, 'Anna Sørensen');
  annaToken = await api.token({ role: 'PARENT', citizenId: anna });
  mentor = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT });
});
afterAll(() => api.close());

const rate = (value: number) =>
  api.gql(annaToken, RATE, {
    input: {
      idempotencyKey: crypto.randomUUID(),
      goalId,
      raterRole: 'PARENT',
      value,
      occurredAt: new Date().toISOString(),
    },
  });

/** The next thing the stream says: an event's value, or how it ended. */
const nextOf = async (stream: Stream) => {
  try {
    const event = await within(2000, stream.next());
    return (
      (event.data?.goalRated as { rating: { value: number } } | undefined)?.rating.value ??
      event.errors?.[0]?.extensions?.code
    );
  } catch (error) {
    return (error as Error).message;
  }
};
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('goalRated re-checks access for every event', () => {
  it('ends the stream of a department whose consent is revoked instead of delivering, and audits each delivered event', async () => {
    // Health reaches the Sørensens only through the jobcentre's consent for Anna.
    const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH });
    const grant = await api.gql<{ grantConsent: { id: string } }>(mentor, GRANT, {
      input: {
        citizenId: anna,
        fromDepartmentId: dept.EMPLOYMENT,
        toDepartmentId: dept.HEALTH,
        purpose: 'Forløb',
      },
    });
    expect(grant.errors).toBeUndefined();
    const stream = await subscribeOverSse(SUBSCRIBE, api.url, health, { planId });
    try {
      const first = nextOf(stream);
      await settle();
      await rate(6);
      expect(await first).toBe(6);
      const audited = sql<{ n: number }>(
        "select count(*) as n from audit_event where action = 'goalRated:event' and outcome = 'ALLOWED' and department_id = ?",
        dept.HEALTH,
      )[0]?.n;
      expect(audited).toBeGreaterThan(0);
      await api.gql(mentor, REVOKE, { id: grant.data?.grantConsent.id });
      const second = nextOf(stream);
      await rate(7);
      expect(await second).toBe('stream completed');
    } finally {
      stream.close();
    }
  });

  it('ends the stream once the token has expired', async () => {
    const issuer = api.app.identity.devIssuer;
    if (!issuer) throw new Error('dev issuer off');
    const municipality = sql<{ id: string }>('select id from municipality')[0]?.id as string;
    const shortLived = await issuer.sign(
      { sub: 'short', role: 'PROFESSIONAL', municipality, department: dept.CHILDREN_FAMILY },
      '2s',
    );
    const stream = await subscribeOverSse(SUBSCRIBE, api.url, shortLived, { planId });
    try {
      await new Promise((r) => setTimeout(r, 2100));
      const next = nextOf(stream);
      await rate(5);
      expect(await next).toBe('stream completed');
    } finally {
      stream.close();
    }
  });

  it(`allows ${MAX_STREAMS_PER_SUBJECT} open streams per subject and refuses one more`, async () => {
    const streams: Stream[] = [];
    try {
      for (let i = 0; i < MAX_STREAMS_PER_SUBJECT; i++)
        streams.push(await subscribeOverSse(SUBSCRIBE, api.url, annaToken, { planId }));
      const extra = await subscribeOverSse(SUBSCRIBE, api.url, annaToken, { planId });
      streams.push(extra);
      expect(await nextOf(extra)).toBe('RATE_LIMITED');
      const open = nextOf(streams[0] as Stream);
      await settle();
      await rate(4);
      expect(await open).toBe(4);
    } finally {
      for (const s of streams) s.close();
    }
  });
});
