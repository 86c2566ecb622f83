import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import { createLogger, safeError, yogaLogger } from './logger.js';

/** Every line the API logs, parsed; the raw text is checked for leaks as well. */
const lines: string[] = [];
const capture = { write: (line: string) => void lines.push(line) };
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

const NAME = 'Zelda Quixote-Ærøskøbing';
const CPR = '010190-1234';
const REF = 'NX-774411';
const CREATE = `mutation CreateCitizen($input: CreateCitizenInput!) { createCitizen(input: $input) { id } }`;

let api: TestApi;
let token: string;

beforeAll(async () => {
  // Debug level, so nothing yoga or the API logs at any level escapes the check.
  api = await startTestApi({}, { logger: createLogger('debug', capture) });
  token = await api.token({ role: 'PROFESSIONAL', departmentId: demoDepartments(api.app).HEALTH as string });
});
afterAll(() => api.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

/** Lets the response's close event (where the line is written) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request logs', () => {
  it('log the operation name and error codes, never names, CPR numbers, references, ids or tokens', async () => {
    lines.length = 0;
    const ok = await post({
      query: CREATE,
      variables: {
        input: { displayName: NAME, birthYear: 1990, externalRef: { system: 'nexus', value: REF } },
      },
    });
    const created = ((await ok.json()) as { data: { createCitizen: { id: string } } }).data.createCitizen.id;
    const refused = await post({
      query: CREATE,
      variables: { input: { displayName: `${NAME} ${CPR}`, birthYear: 1990 } },
    });
    expect(
      ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('BAD_USER_INPUT');
    await post({ query: `query FindCitizen { citizens(search: "${NAME}") { id } }` });
    await post({ query: `query Cpr0101901234 { departments { id } }` });
    await fetch(`${api.url}/citizen/${created}?cpr=${CPR}&name=${encodeURIComponent(NAME)}`);
    await settle();

    const text = lines.join('');
    for (const secret of [
      NAME,
      'Zelda',
      'Quixote',
      CPR,
      '0101901234',
      REF,
      created,
      token,
      token.slice(-20),
    ]) {
      expect(text).not.toContain(secret);
    }
    const requests = logged().filter((l) => l.event === 'http.request');
    expect(requests.map((l) => [l.route, l.operation ?? null, l.errors ?? null])).toEqual([
      ['/graphql', 'CreateCitizen', []],
      ['/graphql', 'CreateCitizen', ['BAD_USER_INPUT']],
      ['/graphql', 'FindCitizen', []],
      ['/graphql', '[redacted]', []],
      ['static', null, null],
    ]);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      status: 200,
      operationType: 'mutation',
      field: 'createCitizen',
    });
    expect(typeof requests[0]?.durationMs).toBe('number');
  });

  it('echo the request id in x-request-id, the same one the log line carries', async () => {
    lines.length = 0;
    const response = await post({ query: '{ departments { id } }' });
    await settle();
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged().find((l) => l.event === 'http.request')?.requestId).toBe(id);
    const other = await fetch(`${api.url}/healthz`);
    expect(other.headers.get('x-request-id')).not.toBe(id);
  });
});

describe('error logs', () => {
  it('keep an error’s kind, code and frames but drop its message, which may quote data', () => {
    const sqlError = Object.assign(new Error(`Failed query: insert into citizen params: ${NAME},${CPR}`), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    const wrapped = new GraphQLError('Unexpected error.', { originalError: sqlError });
    const safe = safeError(wrapped);
    expect(safe).toMatchObject({ type: 'GraphQLError/Error', code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(safe.stack).toMatch(/^ {4}at /);
    expect(JSON.stringify(safe)).not.toMatch(/Zelda|0101|Failed query/);
  });

  it('reach pino from graphql-yoga without the message', () => {
    const out: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void out.push(l) });
    yogaLogger(logger).error(new GraphQLError('x', { originalError: new Error(`params: ${NAME}`) }));
    yogaLogger(logger).debug('not at info level');
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] as string)).toMatchObject({ level: 'error', event: 'graphql.error' });
    expect(out[0]).not.toContain('Zelda');
  });
});
