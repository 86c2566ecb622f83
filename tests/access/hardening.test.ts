import { copenhagenDate } from '@helhed/api/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devToken } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { countRows, post } from './world.js';

const VENDOR = 'https://vendor.example';
let server: RunningServer;
let token: string;
let auth: Record<string, string>;

beforeAll(async () => {
  server = await startServer({ CORS_ORIGINS: VENDOR });
  token = await devToken(server.url, { role: 'COORDINATOR' });
  auth = { authorization: `Bearer ${token}` };
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

/** Refused before execution: the limit's code, no data, no number that would reveal the limit. */
async function expectTooComplex(query: string) {
  const audits = await countRows(server, 'audit_event');
  const r = await post(server.url, { query }, auth);
  expect(r.json.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_COMPLEX');
  expect(r.json.data ?? null).toBeNull();
  expect(r.json.errors?.map((e) => e.message).join(' ')).not.toMatch(/\d/);
  expect(await countRows(server, 'audit_event')).toBe(audits);
}

describe('document limits', () => {
  it('refuses an over-deep query', async () => {
    // The schema has no cycle deeper than the limit, so probe the way an attacker would.
    await expectTooComplex(`{ departments { ${'a { '.repeat(12)} b ${'} '.repeat(12)} } }`);
  });

  it('refuses an over-costly query that is within the alias and token limits', async () => {
    const block = (i: number) =>
      `c${i}: citizen(id: "x") { progression { series { points { total normalized occurredAt session }
      department { id kind name } } } timeline { measurement { id values department { name } }
      goalRating { value } meeting { participants { ratings { value } } ratings { value } }
      consent { fromDepartment { name } toDepartment { name } } } }`;
    // 19 aliases (limit 20), about 1,300 tokens (limit 2,000), cost about 3,060 (limit 3,000).
    await expectTooComplex(`{ ${Array.from({ length: 19 }, (_, i) => block(i)).join(' ')} }`);
  });

  it('refuses an alias flood', async () => {
    await expectTooComplex(
      `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: departments { id }`).join(' ')} }`,
    );
  });

  it('refuses a token flood and a directive flood', async () => {
    await expectTooComplex(`{ ${'departments { id } '.repeat(600)} }`);
    await expectTooComplex(`{ departments { id ${'@include(if: true) '.repeat(40)} } }`);
  });
});

describe('HTTP hardening', () => {
  it('refuses a GET query without the CSRF header, and a form-encoded POST', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ departments { id } }')}`, {
      headers: auth,
    });
    expect(get.status).toBe(403);
    expect(JSON.stringify(await get.json())).not.toContain('"data"');
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query={departments{id}}',
    });
    expect(form.status).toBe(403);
    const withHeader = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ departments { id } }')}`,
      {
        headers: { ...auth, 'x-graphql-yoga-csrf': '1' },
      },
    );
    expect(withHeader.status).toBe(200);
  });

  it('answers 413 to a body over 100 kB and writes nothing', async () => {
    const citizens = await countRows(server, 'citizen');
    const big = JSON.stringify({
      query: 'mutation($input: CreateCitizenInput!) { createCitizen(input: $input) { id } }',
      variables: { input: { displayName: 'x'.repeat(150_000), birthYear: 1990 } },
    });
    const r = await post(server.url, big, auth);
    expect(r.status).toBe(413);
    expect(await countRows(server, 'citizen')).toBe(citizens);
  });

  it('allows a listed vendor origin without credentials and gives an unlisted one nothing', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
    const listed = await preflight(VENDOR);
    expect(listed.headers.get('access-control-allow-origin')).toBe(VENDOR);
    expect(listed.headers.get('access-control-allow-credentials')).not.toBe('true');
    const unlisted = await preflight('https://evil.example');
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
    const call = await post(
      server.url,
      { query: '{ departments { id } }' },
      { ...auth, origin: 'https://evil.example' },
    );
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the shell with its security headers', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('publishes no statistics cell about fewer than five citizens', async () => {
    const analyst = { authorization: `Bearer ${await devToken(server.url, { role: 'ANALYST' })}` };
    const r = await post(
      server.url,
      {
        query: `query($f: StatisticsFilter!) { progressionStatistics(filter: $f) { minCellSize cells {
          departmentKind targetGroup period n improved noChange deteriorated recovered meanChange sdChange suppressed } } }`,
        variables: {
          f: {
            instrumentKey: 'outcome',
            from: '2024-01-01',
            to: copenhagenDate(Date.now()),
            groupBy: ['DEPARTMENT_KIND', 'TARGET_GROUP', 'PERIOD'],
          },
        },
      },
      analyst,
    );
    type Cell = Record<string, number | string | boolean | null>;
    const stats = r.json.data?.progressionStatistics as { minCellSize: number; cells: Cell[] };
    expect(stats.minCellSize).toBe(5);
    expect(stats.cells.some((c) => c.suppressed)).toBe(true);
    for (const cell of stats.cells) {
      if (cell.suppressed) {
        for (const k of [
          'n',
          'improved',
          'noChange',
          'deteriorated',
          'recovered',
          'meanChange',
          'sdChange',
        ]) {
          expect(cell[k]).toBeNull();
        }
      } else {
        expect(cell.n as number).toBeGreaterThanOrEqual(5);
      }
    }
  });
});

describe('rate limiting', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startServer({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await limited?.stop();
    if (limited) removeDir(limited.dataDir);
  });

  it('answers 429 with Retry-After once a subject has used its minute, without touching others', async () => {
    const a = { authorization: `Bearer ${await devToken(limited.url, { role: 'ANALYST' })}` };
    const b = { authorization: `Bearer ${await devToken(limited.url, { role: 'ADMIN' })}` };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post(limited.url, { query: '{ departments { id } }' }, a)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await post(limited.url, { query: '{ departments { id } }' }, a);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.json.data ?? null).toBeNull();
    expect((await post(limited.url, { query: '{ departments { id } }' }, b)).status).toBe(200);
  });
});
