import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import {
  type Attack,
  attacksOn,
  domainSnapshot,
  hostileText,
  jsonWithRaw,
  mutationDocument,
  mutationsOf,
  Raw,
} from '../testing/hostile-input.js';
import { createHelhedSchema } from './schema.js';

/**
 * Property-based hostile input for every mutation of the schema (read from the schema, so a new
 * mutation without a baseline fails the first test). Each attack corrupts one place of a valid
 * input so that it is invalid by construction; the answer must be a clear GraphQL error with a
 * stable code, and no domain table may change. The append-only audit trail may grow only by
 * DENIED events: a refused look at a citizen is itself worth auditing (DESIGN.md §5), while an
 * ALLOWED event would claim a change that did not happen; see `auditGrowth`.
 *
 * Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx vitest run <this file>.
 */

const RUNS = Number(process.env.FC_RUNS ?? 80);
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

/** Codes from errors.ts, the hardening plugins and graphql-yoga's own request errors. */
const CLEAR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

const schema = createHelhedSchema();
const mutations = mutationsOf(schema);

let api: TestApi;
let tokens: Record<'worker' | 'parent', string>;
let baselines: Record<string, { as: 'worker' | 'parent'; variables: Record<string, unknown> }>;

const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();
const sql = <T>(query: string, ...params: unknown[]) =>
  sqliteOf(api.app.db)
    .prepare(query)
    .all(...params) as T[];

beforeAll(async () => {
  // Room for 1 MiB strings (6 MB as JSON escapes) so they reach GraphQL, not the 413 guard.
  api = await startTestApi({ MAX_BODY_BYTES: '10000000' });
  const dept = demoDepartments(api.app);
  const family = dept.CHILDREN_FAMILY as string;
  const mikkel = demoCitizen(api.app, 'Mikkel Sørensen');
  const planId = sql<{ id: string }>(
    "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
  )[0]?.id as string;
  const goalId = sql<{ id: string }>('select id from goal where plan_id = ? order by rowid', planId)[0]
    ?.id as string;
  const closedMeeting = sql<{ id: string }>(
    "select id from dialogue_meeting where plan_id = ? and status = 'CLOSED'",
    planId,
  )[0]?.id as string;
  tokens = {
    worker: await api.token({ role: 'PROFESSIONAL', departmentId: family }),
    parent: await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Anna Sørensen') }),
  };
  const created = await api.gql<{ createCitizen: { id: string } }>(
    tokens.worker,
    'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }',
    { i: { displayName: 'Planløs Borger', birthYear: 1990 } },
  );
  const consent = await api.gql<{ grantConsent: { id: string } }>(
    tokens.worker,
    'mutation($i: GrantConsentInput!) { grantConsent(input: $i) { id } }',
    {
      i: { citizenId: mikkel, fromDepartmentId: family, toDepartmentId: dept.HEALTH, purpose: 'Samarbejde' },
    },
  );
  const meeting = await api.gql<{ startMeeting: { id: string } }>(
    tokens.worker,
    'mutation($i: StartMeetingInput!) { startMeeting(input: $i) { id } }',
    { i: { planId, participants: [{ role: 'PARENT', displayName: 'Anna Sørensen' }] } },
  );
  const openMeeting = meeting.data?.startMeeting.id as string;
  expect([created.errors, consent.errors, meeting.errors]).toEqual([undefined, undefined, undefined]);
  baselines = {
    createCitizen: {
      as: 'worker',
      variables: {
        input: { displayName: 'Ny Borger', birthYear: 1985, externalRef: { system: 'nexus', value: 'C-1' } },
      },
    },
    recordMeasurement: {
      as: 'worker',
      variables: {
        input: {
          idempotencyKey: 'fuzz-record',
          citizenId: mikkel,
          departmentId: family,
          instrumentKey: 'child-outcome',
          respondentRole: 'CHILD',
          occurredAt: minuteAgo(),
          session: 1,
          values: [5, 5, 5, 5],
        },
      },
    },
    grantConsent: {
      as: 'worker',
      variables: {
        input: {
          citizenId: mikkel,
          fromDepartmentId: family,
          toDepartmentId: dept.EDUCATION,
          purpose: 'Skolesamarbejde',
          validUntil: '2099-01-01T00:00:00Z',
        },
      },
    },
    revokeConsent: { as: 'worker', variables: { id: consent.data?.grantConsent.id } },
    createPlan: { as: 'worker', variables: { input: { citizenId: created.data?.createCitizen.id } } },
    addGoal: {
      as: 'worker',
      variables: {
        input: {
          planId,
          text: 'Et nyt mål',
          departmentIds: [family],
          instrumentKey: 'gas',
          baseline: -2,
          target: 0,
          weight: 1,
        },
      },
    },
    rateGoal: {
      as: 'worker',
      variables: {
        input: {
          idempotencyKey: 'fuzz-rate',
          goalId,
          raterRole: 'PROFESSIONAL',
          value: 5,
          occurredAt: minuteAgo(),
        },
      },
    },
    addIntervention: {
      as: 'worker',
      variables: {
        input: {
          planId,
          departmentId: family,
          type: 'Familiebehandling',
          legalBasis: 'SEL § 52',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          goalIds: [goalId],
          yearlyCost: 1000,
        },
      },
    },
    updateGoal: { as: 'worker', variables: { input: { goalId, text: 'Omformuleret mål', dominant: false } } },
    closeMeeting: {
      as: 'worker',
      variables: {
        input: { meetingId: openMeeting, agreements: 'Vi mødes igen', nextMeetingOn: '2026-12-01' },
      },
    },
    startMeeting: {
      as: 'worker',
      variables: {
        input: {
          planId,
          heldAt: minuteAgo(),
          participants: [{ role: 'PARENT', displayName: 'Anna Sørensen' }],
        },
      },
    },
    acceptPlan: { as: 'parent', variables: { input: { meetingId: closedMeeting, comment: 'Enig' } } },
    // GraphQL-level attacks only; the FHIR content itself is validated and tested in api/src/fhir/.
    importFhirBundle: {
      as: 'worker',
      variables: { bundle: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }) },
    },
  };
});
afterAll(() => api.close());

interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] } | null;
}

async function send(token: string, body: string): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  let parsed: Answer['body'] = null;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, text, body: parsed };
}

/** A clear refusal: 200 or 400, a GraphQL error with a stable code and a message, no internals. */
function expectClearError(answer: Answer, what: string): void {
  const error = answer.body?.errors?.[0];
  const context = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect([200, 400], context).toContain(answer.status);
  expect(CLEAR_CODES.has(error?.extensions?.code ?? ''), context).toBe(true);
  expect(error?.message?.trim().length ?? 0, context).toBeGreaterThan(0);
  expect(answer.text, context).not.toMatch(/\n\s+at |"stack"|SqliteError|SQLITE_|node_modules|\.ts:\d/);
  expect(answer.body?.data ?? null, context).toBeNull();
}

/** Audit rows written since `since`: only DENIED events are allowed for a refused request. */
function auditGrowth(since: number): { action: string; outcome: string }[] {
  return sql<{ action: string; outcome: string }>(
    'select action, outcome from audit_event where rowid > ? order by rowid',
    since,
  );
}
const auditHighWater = () =>
  sql<{ n: number }>('select coalesce(max(rowid), 0) as n from audit_event')[0]?.n ?? 0;

describe('hostile input to every mutation', () => {
  it('has a valid baseline for every mutation in the schema', () => {
    expect(mutations.map((m) => m.name).sort()).toEqual(Object.keys(baselines).sort());
    expect(mutations.length).toBeGreaterThanOrEqual(12);
  });

  for (const mutation of mutations) {
    it(`refuses hostile ${mutation.name} input with a clear error and changes nothing`, async () => {
      const baseline = baselines[mutation.name];
      if (!baseline) throw new Error(`no baseline for ${mutation.name}`);
      const token = tokens[baseline.as];
      await fc.assert(
        fc.asyncProperty(attacksOn(mutation.args, baseline.variables), async (attack: Attack) => {
          const before = domainSnapshot(sqliteOf(api.app.db));
          const audit = auditHighWater();
          const query = mutationDocument(mutation.name, mutation.args, attack.literal);
          const variables = attack.literal
            ? Object.fromEntries(Object.entries(attack.variables).filter(([k]) => k !== attack.literal?.arg))
            : attack.variables;
          const answer = await send(token, jsonWithRaw({ query, variables }));
          const what = `${mutation.name} ${attack.kind} at ${attack.path.join('.')}`;
          expectClearError(answer, what);
          expect(domainSnapshot(sqliteOf(api.app.db)), what).toEqual(before);
          for (const row of auditGrowth(audit))
            expect(row.outcome, `${what}: audit ${row.action}`).toBe('DENIED');
        }),
        { numRuns: RUNS, seed, endOnFailure: true },
      );
    });
  }

  it('answers bodies that are not JSON, or JSON with NaN, with 400 and a code', async () => {
    const before = domainSnapshot(sqliteOf(api.app.db));
    const doc = mutationDocument('rateGoal', [
      { name: 'input', type: schema.getType('RateGoalInput!') as never },
    ]);
    for (const body of [
      '{"query": "mutation { rateGoal(input: {value: NaN}) { id } }"',
      `{"query": ${JSON.stringify(doc)}, "variables": {"input": {"value": NaN}}}`,
      `{"query": ${JSON.stringify(doc)}, "variables": {"input": {"value": Infinity}}}`,
      '\u0000\uFFFF',
      '[[[[[[[[[[',
      '',
    ]) {
      const answer = await send(tokens.worker, body);
      expect(answer.status, body).toBe(400);
      expect(answer.body?.errors?.[0]?.message, body).toBeTruthy();
    }
    expect(domainSnapshot(sqliteOf(api.app.db))).toEqual(before);
  });
});

describe('hostile but well-typed values', () => {
  const CREATE = 'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id displayName } }';

  it('stores unicode names exactly as sent (trimmed), or refuses them clearly without writing', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), async (name) => {
        const before = domainSnapshot(sqliteOf(api.app.db));
        const answer = await send(
          tokens.worker,
          JSON.stringify({ query: CREATE, variables: { i: { displayName: name, birthYear: 1990 } } }),
        );
        const created = (answer.body?.data as { createCitizen?: { id: string; displayName: string } } | null)
          ?.createCitizen;
        if (!created) {
          expectClearError(answer, `displayName ${JSON.stringify(name)}`);
          expect(domainSnapshot(sqliteOf(api.app.db))).toEqual(before);
          return;
        }
        const stored = sql<{ name: string }>(
          'select display_name as name from citizen where id = ?',
          created.id,
        )[0]?.name;
        expect(stored, JSON.stringify(name)).toBe(name.trim());
        expect(created.displayName).toBe(name.trim());
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  });

  it('takes -0, in variables and as a literal, as plain zero', async () => {
    const base = baselines.addGoal?.variables.input as { planId: string; departmentIds: string[] };
    const add = (literal: string) =>
      `mutation { addGoal(input: {planId: "${base.planId}", text: "Nul", departmentIds: ["${base.departmentIds[0]}"], instrumentKey: "gas", baseline: ${literal}, target: 1}) { id baseline } }`;
    const viaVariables = await send(
      tokens.worker,
      jsonWithRaw({
        query: 'mutation($i: AddGoalInput!) { addGoal(input: $i) { id baseline } }',
        variables: {
          i: {
            ...(baselines.addGoal?.variables.input as object),
            baseline: new Raw('-0'),
            target: 1,
            weight: null,
          },
        },
      }),
    );
    const viaLiteral = await send(tokens.worker, JSON.stringify({ query: add('-0') }));
    for (const answer of [viaVariables, viaLiteral]) {
      const goal = (answer.body?.data as { addGoal?: { id: string; baseline: number } } | null)?.addGoal;
      expect(goal?.baseline, answer.text).toBe(0);
      const stored = sql<{ b: number }>('select baseline as b from goal where id = ?', goal?.id)[0]?.b;
      expect(Object.is(stored, 0), String(stored)).toBe(true);
    }
  });

  it('refuses a 1 MiB body at the default limit with 413 before reading it', async () => {
    const small = await startTestApi();
    try {
      const token = await small.token({
        role: 'PROFESSIONAL',
        departmentId: demoDepartments(small.app).HEALTH as string,
      });
      const rows = small.count('citizen');
      const response = await fetch(`${small.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: CREATE,
          variables: { i: { displayName: 'a'.repeat(1_048_576), birthYear: 1990 } },
        }),
      });
      expect(response.status).toBe(413);
      expect(small.count('citizen')).toBe(rows);
    } finally {
      await small.close();
    }
  });
});

describe('the baselines themselves', () => {
  // Proves the attacks above are refused because of what they corrupt, not because the
  // baseline was wrong to begin with. Order matters: close the open meeting before starting one.
  it('are accepted as sent', async () => {
    const order = mutations.map((m) => m.name).sort((a, b) => rank(a) - rank(b));
    for (const name of order) {
      const m = mutations.find((x) => x.name === name);
      const baseline = baselines[name];
      if (!m || !baseline) continue;
      const answer = await send(
        tokens[baseline.as],
        JSON.stringify({ query: mutationDocument(name, m.args), variables: baseline.variables }),
      );
      expect(answer.body?.errors, `${name}: ${answer.text.slice(0, 300)}`).toBeUndefined();
    }
  });
});

const rank = (name: string) => ['closeMeeting', 'startMeeting', 'acceptPlan', 'revokeConsent'].indexOf(name);
