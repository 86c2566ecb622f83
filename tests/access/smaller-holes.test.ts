import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { buildWorld, peek, post, type World } from './world.js';

/** Issue #16 item 9: the smaller ways around the policy. */
const GRANT = 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }';

let server: RunningServer;
let world: World;
let coordinator: Caller;
let mentor: Caller;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
  mentor = await callerFor(server.url, {
    role: 'PROFESSIONAL',
    departmentId: world.dept.EMPLOYMENT as string,
  });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const sql = async <T>(query: string, ...params: unknown[]) => {
  const db = await peek(server);
  try {
    return await db.all<T>(query, ...params);
  } finally {
    await db.close();
  }
};

describe('the smaller holes', () => {
  it('shows an integration client only the consents its own departments are an end of in the timeline', async () => {
    const other = await coordinator.run(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.HEALTH,
        toDepartmentId: world.dept.OTHER,
        purpose: 'Borgerservice',
      },
    });
    expect(other.errors).toBeUndefined();
    const vendor = await callerFor(server.url, {
      role: 'INTEGRATION',
      departments: [world.dept.EMPLOYMENT],
    } as never);
    const r = await vendor.run<{
      citizen: {
        timeline: {
          kind: string;
          consent: { fromDepartment: { kind: string }; toDepartment: { kind: string } } | null;
        }[];
      };
    }>(
      `query($id: ID!) { citizen(id: $id) { timeline(limit: 200) { kind
        consent { fromDepartment { kind } toDepartment { kind } } } } }`,
      { id: world.citizen.anna },
    );
    expect(r.errors).toBeUndefined();
    const ends = (r.data?.citizen.timeline ?? [])
      .filter((e) => e.consent)
      .map((e) => [e.consent?.fromDepartment.kind, e.consent?.toDepartment.kind]);
    expect(ends.length).toBeGreaterThan(0);
    for (const pair of ends) expect(pair).toContain('EMPLOYMENT');
  });

  it('exports a plan without a Patient the caller cannot open', async () => {
    // Health reaches the Sørensen plan through Anna's consent only: not her children.
    const grant = await mentor.run(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.EMPLOYMENT,
        toDepartmentId: world.dept.HEALTH,
        purpose: 'Sundhedsforløb',
      },
    });
    expect(grant.errors).toBeUndefined();
    const health = await callerFor(server.url, {
      role: 'PROFESSIONAL',
      departmentId: world.dept.HEALTH as string,
    });
    const r = await health.run<{
      planFhirBundle: { entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[] };
    }>('query($id: ID!) { planFhirBundle(planId: $id) }', { id: world.plan.sorensen });
    expect(r.errors).toBeUndefined();
    const patients = (r.data?.planFhirBundle.entry ?? [])
      .filter((e) => e.resource.resourceType === 'Patient')
      .map((e) => e.resource.identifier?.[0]?.value);
    expect(patients).toEqual([world.citizen.anna]);
    expect(JSON.stringify(r.data)).not.toContain(world.citizen.mikkel);
  });

  it('stores the statistics filter in the audit row', async () => {
    const analyst = await callerFor(server.url, { role: 'ANALYST' });
    const r = await analyst.run(
      `query($filter: StatisticsFilter!) { progressionStatistics(filter: $filter) { cells { suppressed } } }`,
      {
        filter: {
          instrumentKey: 'outcome',
          departmentId: world.dept.EMPLOYMENT,
          from: '2025-01-01',
          to: '2025-12-31',
          period: 'QUARTER',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    const [row] = await sql<{ detail: string | null }>(
      "select detail from audit_event where action = 'progressionStatistics' order by id desc limit 1",
    );
    expect(JSON.parse(row?.detail ?? 'null')).toMatchObject({
      instrumentKey: 'outcome',
      departmentId: world.dept.EMPLOYMENT,
      from: '2025-01-01',
      to: '2025-12-31',
      period: 'QUARTER',
    });
  });

  it('records and shows a purpose that is not on the list as "other", never the caller’s text', async () => {
    const text = 'Ring til 12345678 <b>nu</b>';
    const read = await post(
      server.url,
      { query: 'query($id: ID!) { citizen(id: $id) { id } }', variables: { id: world.citizen.anna } },
      { authorization: `Bearer ${mentor.token}`, 'x-helhed-purpose': text },
    );
    expect(read.json.errors).toBeUndefined();
    const anna = await callerFor(server.url, { role: 'PARENT', citizenId: world.citizen.anna });
    const log = await anna.run<{ citizen: { accessLog: { purpose: string }[] } }>(
      'query($id: ID!) { citizen(id: $id) { accessLog(limit: 200) { purpose } } }',
      { id: world.citizen.anna },
    );
    const shown = (log.data?.citizen.accessLog ?? []).map((e) => e.purpose);
    expect(shown).toContain('other');
    expect(JSON.stringify(log)).not.toContain('12345678');
    // PostgreSQL answers a count as a string.
    const [row] = await sql<{ n: number | string }>(
      "select count(*) as n from audit_event where purpose like '%12345678%'",
    );
    expect(Number(row?.n)).toBe(0);
  });
});

describe('the caseload list is bounded', () => {
  it('refuses a document whose aliased lists together ask for more than 2,000 rows', async () => {
    const aliases = Array.from(
      { length: 11 },
      (_, i) => `c${i}: citizens(search: "", limit: 200) { id }`,
    ).join(' ');
    const r = await coordinator.run(`{ ${aliases} }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.data ?? null).toBeNull();
    const nested = await coordinator.run('{ citizens(limit: 100) { id timeline(limit: 50) { kind } } }');
    expect(nested.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('still answers an ordinary caseload page, and only citizens in reach', async () => {
    const mine = await mentor.run<{ citizens: { id: string }[] }>(
      '{ citizens(search: "", limit: 200) { id } }',
    );
    expect(mine.errors).toBeUndefined();
    const ids = mine.data?.citizens.map((c) => c.id) ?? [];
    expect(ids).toContain(world.citizen.anna);
    expect(ids).not.toContain(world.citizen.foreign);
    const health = await callerFor(server.url, {
      role: 'PROFESSIONAL',
      departmentId: world.dept.HEALTH as string,
    });
    const theirs = await health.run<{ citizens: { id: string }[] }>('{ citizens(search: "") { id } }');
    // Health's consent from the jobcentre (granted above) is its only way to Anna.
    expect(theirs.data?.citizens.map((c) => c.id)).toContain(world.citizen.anna);
    expect(theirs.data?.citizens.map((c) => c.id)).not.toContain(world.citizen.emil);
  });
});
