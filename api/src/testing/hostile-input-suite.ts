import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHelhedSchema } from '../graphql/schema.js';
import type { TestApi } from './harness.js';
import {
  type Attack,
  attacksOn,
  auditHighWater,
  auditSince,
  domainSnapshot,
  hostileText,
  jsonWithRaw,
  mutationDocument,
  mutationsOf,
  Raw,
} from './hostile-input.js';
import { type Baselines, hostileInputBaselines } from './hostile-input-baselines.js';

/**
 * Property-based hostile input for every mutation of the schema (read from the schema, so a new
 * mutation without a baseline fails the first test). Each attack corrupts one place of a valid
 * input so that it is invalid by construction; the answer must be a clear GraphQL error with a
 * stable code, and no domain table may change. The append-only audit trail may grow only by
 * DENIED events: a refused look at a citizen is itself worth auditing (docs/design.md §5), while an
 * ALLOWED event would claim a change that did not happen.
 *
 * One suite, registered by a test file per dialect (graphql/hostile-input.test.ts and
 * hostile-input.postgres.test.ts): each test file is its own process and serves one dialect.
 */
export interface HostileInputSuite {
  /** Names the describe blocks: 'SQLite' or 'PostgreSQL'. */
  database: string;
  /** Starts the real API with the demo seed on the suite's database. */
  start(env?: Record<string, string>): Promise<TestApi>;
  /** fast-check runs per property (FC_RUNS overrides). */
  runs: number;
}

/** Codes from errors.ts, the hardening plugins and graphql-yoga's own request errors. */
const CLEAR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'INVITATION_INVALID',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

/** What either database or the runtime says that a client must never see. */
const INTERNALS =
  /\n\s+at |"stack"|SqliteError|SQLITE_|DatabaseError|invalid byte sequence|violates .* constraint|duplicate key|relation "|syntax error at|node_modules|\.ts:\d/;

interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] } | null;
}

async function send(api: TestApi, token: string, body: string): Promise<Answer> {
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
  expect(answer.text, context).not.toMatch(INTERNALS);
  expect(answer.body?.data ?? null, context).toBeNull();
}

export function hostileInputSuite(suite: HostileInputSuite): void {
  const runs = Number(process.env.FC_RUNS ?? suite.runs);
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  const schema = createHelhedSchema();
  const mutations = mutationsOf(schema);
  let api: TestApi;
  let tokens: Baselines['tokens'];
  let baselines: Baselines['calls'];

  // Scoped, so a test file's own hooks (starting a PostgreSQL cluster) wrap the API's lifetime.
  describe(`on ${suite.database}`, () => {
    beforeAll(async () => {
      // Room for 1 MiB strings (6 MB as JSON escapes) so they reach GraphQL, not the 413 guard.
      api = await suite.start({
        MAX_BODY_BYTES: '10000000',
        CPR_HMAC_SECRET: 'hostile-input-secret-of-32-characters',
      });
      ({ tokens, calls: baselines } = await hostileInputBaselines(api));
    }, 60_000);
    afterAll(() => api?.close());

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
              const before = await domainSnapshot(api);
              const audit = await auditHighWater(api);
              const query = mutationDocument(mutation.name, mutation.args, attack.literal);
              const variables = attack.literal
                ? Object.fromEntries(
                    Object.entries(attack.variables).filter(([k]) => k !== attack.literal?.arg),
                  )
                : attack.variables;
              const answer = await send(api, token, jsonWithRaw({ query, variables }));
              const what = `${mutation.name} ${attack.kind} at ${attack.path.join('.')}`;
              expectClearError(answer, what);
              expect(await domainSnapshot(api), what).toEqual(before);
              for (const row of await auditSince(api, audit))
                expect(row.outcome, `${what}: audit ${row.action}`).toBe('DENIED');
            }),
            { numRuns: runs, seed, endOnFailure: true },
          );
        });
      }

      it('answers bodies that are not JSON, or JSON with NaN, with 400 and a code', async () => {
        const before = await domainSnapshot(api);
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
          const answer = await send(api, tokens.worker, body);
          expect(answer.status, body).toBe(400);
          expect(answer.body?.errors?.[0]?.message, body).toBeTruthy();
        }
        expect(await domainSnapshot(api)).toEqual(before);
      });
    });

    describe('hostile but well-typed values', () => {
      const CREATE = 'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id displayName } }';

      it('stores unicode names exactly as sent (trimmed), or refuses them clearly without writing', async () => {
        await fc.assert(
          fc.asyncProperty(hostileText(), async (name) => {
            const before = await domainSnapshot(api);
            const answer = await send(
              api,
              tokens.worker,
              JSON.stringify({ query: CREATE, variables: { i: { displayName: name, birthYear: 1990 } } }),
            );
            const created = (
              answer.body?.data as { createCitizen?: { id: string; displayName: string } } | null
            )?.createCitizen;
            if (!created) {
              expectClearError(answer, `displayName ${JSON.stringify(name)}`);
              expect(await domainSnapshot(api)).toEqual(before);
              return;
            }
            const [stored] = await api.query<{ name: string }>(
              'select display_name as name from citizen where id = ?',
              created.id,
            );
            expect(stored?.name, JSON.stringify(name)).toBe(name.trim());
            expect(created.displayName).toBe(name.trim());
          }),
          { numRuns: runs, seed, endOnFailure: true },
        );
      });

      it('refuses NUL in a name search or an id lookup with a clear error', async () => {
        // PostgreSQL refuses NUL in text outright: unchecked, these were internal errors there.
        for (const query of [
          'query($s: String) { citizens(search: $s) { id } }',
          'query($s: ID!) { citizen(id: $s) { id } }',
          'query($s: ID!) { plan(id: $s) { id } }',
        ]) {
          const answer = await send(
            api,
            tokens.worker,
            JSON.stringify({ query, variables: { s: 'a\u0000b' } }),
          );
          expectClearError(answer, query);
        }
      });

      it('takes -0, in variables and as a literal, as plain zero', async () => {
        const base = baselines.addGoal?.variables.input as { planId: string; departmentIds: string[] };
        const add = (literal: string) =>
          `mutation { addGoal(input: {planId: "${base.planId}", text: "Nul", departmentIds: ["${base.departmentIds[0]}"], instrumentKey: "gas", baseline: ${literal}, target: 1}) { id baseline } }`;
        const viaVariables = await send(
          api,
          tokens.worker,
          jsonWithRaw({
            query: 'mutation($i: AddGoalInput!) { addGoal(input: $i) { id baseline } }',
            variables: {
              i: { ...(base as object), baseline: new Raw('-0'), target: 1, weight: null },
            },
          }),
        );
        const viaLiteral = await send(api, tokens.worker, JSON.stringify({ query: add('-0') }));
        for (const answer of [viaVariables, viaLiteral]) {
          const goal = (answer.body?.data as { addGoal?: { id: string; baseline: number } } | null)?.addGoal;
          expect(goal?.baseline, answer.text).toBe(0);
          const [stored] = await api.query<{ b: number }>(
            'select baseline as b from goal where id = ?',
            goal?.id,
          );
          expect(Object.is(stored?.b, 0), String(stored?.b)).toBe(true);
        }
      });

      it('refuses a 1 MiB body at the default limit with 413 before reading it', async () => {
        const small = await suite.start();
        try {
          const [health] = await small.query<{ id: string }>(
            "select id from department where kind = 'HEALTH'",
          );
          const token = await small.token({ role: 'PROFESSIONAL', departmentId: health?.id as string });
          const citizens = () => small.query<{ n: number | string }>('select count(*) as n from citizen');
          const rows = await citizens();
          const response = await fetch(`${small.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query: CREATE,
              variables: { i: { displayName: 'a'.repeat(1_048_576), birthYear: 1990 } },
            }),
          });
          expect(response.status).toBe(413);
          expect(await citizens()).toEqual(rows);
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
            api,
            tokens[baseline.as],
            JSON.stringify({ query: mutationDocument(name, m.args), variables: baseline.variables }),
          );
          expect(answer.body?.errors, `${name}: ${answer.text.slice(0, 300)}`).toBeUndefined();
        }
      });
    });
  });
}

const rank = (name: string) =>
  [
    'closeMeeting',
    'startMeeting',
    'acceptPlan',
    'revokeConsent',
    'renameDepartment',
    'createDepartment',
  ].indexOf(name);
