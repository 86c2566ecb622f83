import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabasePeek, peek } from '../support/database.js';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

/**
 * One person, one record (issue 17): two departments that register one CPR number reach one
 * citizen, each gets its case, and neither sees the other's measurements without consent. The
 * number is stored only as a keyed hash. Runs on SQLite and, with HELHED_TEST_DATABASE=postgres,
 * on PostgreSQL.
 */
const SECRET = 'a-test-secret-of-at-least-32-characters';
// A fictional number: 1 March 1985, serial 2349 (first digit 2: the 1900s).
const CPR = '010385-2349';

const REGISTER = `mutation($input: RegisterCitizenInput!) {
  registerCitizen(input: $input) { created citizen { id displayName birthYear } }
}`;
const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const SERIES = `query($id: ID!) { citizen(id: $id) { progression { series { department { kind } } } } }`;
type Registered = {
  registerCitizen: { created: boolean; citizen: { id: string; displayName: string; birthYear: number } };
};

let server: RunningServer;
let db: DatabasePeek;
let dept: Record<string, string>;
let jobcentre: Caller;
let health: Caller;

beforeAll(async () => {
  server = await startServer({ CPR_HMAC_SECRET: SECRET });
  db = await peek(server);
  const admin = await callerFor(server.url, { role: 'ADMIN' });
  const listed = await admin.run<{ departments: { id: string; kind: string }[] }>(
    '{ departments { id kind } }',
  );
  dept = Object.fromEntries((listed.data?.departments ?? []).map((d) => [d.kind, d.id]));
  jobcentre = await callerFor(server.url, { role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
  health = await callerFor(server.url, { role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const measure = (caller: Caller, citizenId: string, departmentId: string) =>
  caller.run(RECORD, {
    input: {
      idempotencyKey: crypto.randomUUID(),
      citizenId,
      departmentId,
      instrumentKey: 'outcome',
      respondentRole: 'CITIZEN',
      occurredAt: '2026-01-15T10:00:00Z',
      values: [5, 5, 5, 5],
    },
  });

describe('registration by CPR number', () => {
  it('brings two departments to one citizen, each with its case, measurements still behind consent', async () => {
    const first = await jobcentre.run<Registered>(REGISTER, {
      input: { cpr: CPR, displayName: 'Cpr Borger' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.registerCitizen.created).toBe(true);
    expect(first.data?.registerCitizen.citizen.birthYear).toBe(1985);
    const citizenId = first.data?.registerCitizen.citizen.id as string;
    expect((await measure(jobcentre, citizenId, dept.EMPLOYMENT as string)).errors).toBeUndefined();

    // The second department writes the number without the dash: the same person.
    const second = await health.run<Registered>(REGISTER, {
      input: { cpr: CPR.replace('-', ''), displayName: 'Cpr Borger' },
    });
    expect(second.errors).toBeUndefined();
    expect(second.data?.registerCitizen).toMatchObject({ created: false, citizen: { id: citizenId } });
    expect((await measure(health, citizenId, dept.HEALTH as string)).errors).toBeUndefined();

    expect(await db.count(`citizen where cpr_hash is not null`)).toBe(1);
    const cases = await db.all<{ department_id: string }>(
      'select department_id from citizen_department where citizen_id = ? order by department_id',
      citizenId,
    );
    expect(cases.map((c) => c.department_id).sort()).toEqual([dept.EMPLOYMENT, dept.HEALTH].sort());
    const audited = await db.all<{ department_id: string; purpose: string }>(
      `select department_id, purpose from audit_event where citizen_id = ? and action = 'registerCitizen'`,
      citizenId,
    );
    expect(audited.map((a) => a.department_id).sort()).toEqual([dept.EMPLOYMENT, dept.HEALTH].sort());
    expect(audited.every((a) => a.purpose === 'case-work')).toBe(true);

    // Each department sees its own series only: the consent rule is untouched by sharing a record.
    for (const [caller, kind] of [
      [jobcentre, 'EMPLOYMENT'],
      [health, 'HEALTH'],
    ] as const) {
      const seen = await caller.run<{
        citizen: { progression: { series: { department: { kind: string } }[] } };
      }>(SERIES, { id: citizenId });
      expect(seen.errors).toBeUndefined();
      expect(seen.data?.citizen.progression.series.map((s) => s.department.kind)).toEqual([kind]);
    }
  });

  it('keeps only a keyed hash: the number is nowhere in the database', async () => {
    const rows = await db.all<{ cpr_hash: string }>(
      'select cpr_hash from citizen where cpr_hash is not null',
    );
    expect(rows[0]?.cpr_hash).toMatch(/^[0-9a-f]{64}$/);
    const digits = CPR.replace('-', '');
    const everywhere = await db.all<{ n: number | string }>(
      `select count(*) as n from citizen where cpr_hash like ? or display_name like ?`,
      `%${digits}%`,
      `%${digits}%`,
    );
    expect(Number(everywhere[0]?.n)).toBe(0);
    expect(server.output()).not.toContain(digits);
    expect(server.output()).not.toContain(CPR);
  });

  it('refuses a malformed number naming the field, and writes nothing', async () => {
    const before = await db.count('citizen');
    const audits = await db.count('audit_event');
    for (const cpr of ['01038523', '0103852349123', '310285-2349', '010385\u00002349', '01x385-2349']) {
      const refused = await jobcentre.run(REGISTER, { input: { cpr, displayName: 'Fejl Borger' } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cpr' });
      expect(refused.errors?.[0]?.message).not.toContain('2349');
    }
    const disagreeing = await jobcentre.run(REGISTER, {
      input: { cpr: CPR, displayName: 'Fejl Borger', birthYear: 1990 },
    });
    expect(disagreeing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthYear' });
    expect(await db.count('citizen')).toBe(before);
    expect(await db.count('audit_event')).toBe(audits);
  });

  it('registers without a CPR number as createCitizen does', async () => {
    const anonymous = await jobcentre.run<Registered>(REGISTER, {
      input: { displayName: 'Anonym Rådsøgende', birthYear: 1999 },
    });
    expect(anonymous.data?.registerCitizen.created).toBe(true);
    const missingYear = await jobcentre.run(REGISTER, { input: { displayName: 'Uden År' } });
    expect(missingYear.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthYear' });
  });
});

describe('registration by CPR number without a configured secret', () => {
  it('is refused rather than stored any weaker', async () => {
    const bare = await startServer();
    try {
      const admin = await callerFor(bare.url, { role: 'COORDINATOR' });
      const refused = await admin.run(REGISTER, { input: { cpr: CPR, displayName: 'Cpr Borger' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const check = await peek(bare);
      expect(await check.count(`citizen where display_name = 'Cpr Borger'`)).toBe(0);
      await check.close();
    } finally {
      await bare.stop();
      removeDir(bare.dataDir);
    }
  });
});
