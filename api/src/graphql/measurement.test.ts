import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const RECORD = `mutation RecordMeasurement($input: RecordMeasurementInput!) {
  recordMeasurement(input: $input) { id total values }
}`;
const PROGRESSION = `query($id: ID!) { citizen(id: $id) { progression { divergent series {
  instrumentKey department { kind } first latest change classification recovered alert } } } }`;

let api: TestApi;
let dept: Record<string, string>;
let jobcentre: string;
let anna: string;

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  anna = demoCitizen(api.app, 'Anna Sørensen');
  jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
});
afterAll(() => api.close());

const input = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: crypto.randomUUID(),
  citizenId: anna,
  departmentId: dept.EMPLOYMENT,
  instrumentKey: 'outcome',
  respondentRole: 'CITIZEN',
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  session: 7,
  values: [7.3, 6, 5.5, 8],
  ...overrides,
});

describe('recordMeasurement', () => {
  it('stores exact tenths and returns the total in scale units, with an audit event', async () => {
    const before = api.count('audit_event');
    const result = await api.gql<{ recordMeasurement: { total: number; values: number[] } }>(
      jobcentre,
      RECORD,
      { input: input() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordMeasurement.total).toBe(26.8);
    expect(result.data?.recordMeasurement.values).toEqual([7.3, 6, 5.5, 8]);
    expect(api.count('audit_event')).toBeGreaterThan(before);
  });

  it('stores a re-sent measurement once and answers with the original', async () => {
    const first = input();
    const a = await api.gql<{ recordMeasurement: { id: string } }>(jobcentre, RECORD, { input: first });
    const rows = api.count('measurement');
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        api.gql<{ recordMeasurement: { id: string } }>(jobcentre, RECORD, { input: first }),
      ),
    );
    expect(again.map((r) => r.data?.recordMeasurement.id)).toEqual(
      [1, 2, 3].map(() => a.data?.recordMeasurement.id),
    );
    expect(api.count('measurement')).toBe(rows);
  });

  it.each([
    ['three values for four items', { values: [5, 5, 5] }, 'values'],
    ['a value above the scale', { values: [10.5, 5, 5, 5] }, 'values'],
    ['a value finer than a tenth', { values: [7.35, 5, 5, 5] }, 'values[0]'],
    ['an unknown instrument', { instrumentKey: 'ors-licensed' }, 'instrumentKey'],
    ['a time in the future', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'occurredAt'],
    ['a time without a zone', { occurredAt: '2026-01-01T10:00:00' }, 'occurredAt'],
    ['an empty idempotency key', { idempotencyKey: '' }, 'idempotencyKey'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, overrides, field) => {
    const rows = api.count('measurement');
    const result = await api.gql(jobcentre, RECORD, { input: input(overrides) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.errors?.[0]?.message.length).toBeGreaterThan(10);
    expect(api.count('measurement')).toBe(rows);
  });

  it('lets a professional record only for their own department', async () => {
    const rows = api.count('measurement');
    const result = await api.gql(jobcentre, RECORD, { input: input({ departmentId: dept.HEALTH }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(api.count('measurement')).toBe(rows);
  });

  it('gives each of several measurements written at once an id of its own', async () => {
    // The insert is prepared once (db/prepared.ts): a default computed when it was built would repeat.
    const rows = api.count('measurement');
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        api.gql<{ recordMeasurement: { id: string } }>(jobcentre, RECORD, { input: input() }),
      ),
    );
    const ids = results.map((r) => r.data?.recordMeasurement.id);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(ids).size).toBe(5);
    expect(api.count('measurement')).toBe(rows + 5);
  });

  it('audits a measurement by one event committed with it, and a refused one at once', async () => {
    const events = () =>
      sqliteOf(api.app.db)
        .prepare(
          "select action, outcome from audit_event where citizen_id = ? and action like 'recordMeasurement%' order by id",
        )
        .all(anna);
    const before = events().length;
    const stored = api.count('measurement');
    const recorded = await api.gql(jobcentre, RECORD, { input: input() });
    expect(recorded.errors).toBeUndefined();
    // The access check's ALLOWED is the write's own event, not a second row.
    expect(events().slice(before)).toEqual([{ action: 'recordMeasurement', outcome: 'ALLOWED' }]);

    // Health has neither a case with Anna nor her consent: not found, and the refusal audited.
    const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
    const refused = await api.gql(health, RECORD, { input: input({ departmentId: dept.HEALTH }) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(events().slice(before + 1)).toEqual([{ action: 'recordMeasurement', outcome: 'DENIED' }]);
    expect(api.count('measurement')).toBe(stored + 1);
  });

  it('asks for a token before anything else', async () => {
    const result = await api.gql(null, RECORD, { input: input() });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await api.gql(`${jobcentre.slice(0, -4)}AAAA`, RECORD, { input: input() });
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('correcting a measurement', () => {
  it('supersedes the original in the series but keeps it stored, once', async () => {
    const created = await api.gql<{ createCitizen: { id: string } }>(
      jobcentre,
      'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }',
      {
        i: { displayName: 'Rettelse Borger', birthYear: 1980 },
      },
    );
    const citizenId = created.data?.createCitizen.id;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const first = await api.gql<{ recordMeasurement: { id: string } }>(jobcentre, RECORD, {
      input: input({ citizenId, occurredAt: at(20), values: [3, 3, 3, 3] }),
    });
    const typo = await api.gql<{ recordMeasurement: { id: string } }>(jobcentre, RECORD, {
      input: input({ citizenId, occurredAt: at(10), values: [9, 9, 9, 9] }),
    });
    const rows = api.count('measurement');
    const fix = await api.gql<{ recordMeasurement: { id: string; total: number } }>(jobcentre, RECORD, {
      input: input({
        citizenId,
        occurredAt: at(10),
        values: [4, 4, 4, 4],
        supersedesId: typo.data?.recordMeasurement.id,
      }),
    });
    expect(fix.errors).toBeUndefined();
    expect(api.count('measurement')).toBe(rows + 1);
    const progression = await api.gql<{
      citizen: { progression: { series: { first: number; latest: number; points: unknown[] }[] } };
    }>(
      jobcentre,
      'query($id: ID!) { citizen(id: $id) { progression { series { first latest points { total } } } } }',
      { id: citizenId },
    );
    // 12 → 16, not 12 → 36: the mistyped 36 left the series.
    expect(progression.data?.citizen.progression.series[0]).toMatchObject({ first: 12, latest: 16 });
    expect(progression.data?.citizen.progression.series[0]?.points).toHaveLength(2);

    const again = await api.gql(jobcentre, RECORD, {
      input: input({ citizenId, values: [5, 5, 5, 5], supersedesId: typo.data?.recordMeasurement.id }),
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const otherSeries = await api.gql(jobcentre, RECORD, {
      input: input({
        citizenId,
        instrumentKey: 'session',
        values: [9, 9, 9, 9],
        supersedesId: first.data?.recordMeasurement.id,
      }),
    });
    expect(otherSeries.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const otherCitizen = await api.gql(jobcentre, RECORD, {
      input: input({ supersedesId: first.data?.recordMeasurement.id }),
    });
    expect(otherCitizen.errors?.[0]?.extensions?.field).toBe('supersedesId');
    expect(api.count('measurement')).toBe(rows + 1);
  });
});

describe('auditing reads', () => {
  it('audits one read of a citizen once per request, however many fields open it', async () => {
    const before = api.count('audit_event');
    const result = await api.gql(
      jobcentre,
      `query($id: ID!) { citizen(id: $id) { displayName progression { divergent } } }`,
      { id: anna },
    );
    expect(result.errors).toBeUndefined();
    expect(api.count('audit_event')).toBe(before + 1);
    await api.gql(jobcentre, `query($id: ID!) { citizen(id: $id) { displayName } }`, { id: anna });
    expect(api.count('audit_event')).toBe(before + 2);
  });
});

describe('citizen progression across departments', () => {
  type Progression = {
    citizen: {
      progression: {
        divergent: boolean;
        series: {
          instrumentKey: string;
          department: { kind: string };
          first: number;
          latest: number;
          change: number;
          classification: string;
          recovered: boolean;
          alert: string;
        }[];
      };
    };
  };

  it('shows the jobcentre its own series and, under Anna’s consent, adult services’ series, and flags divergence', async () => {
    const result = await api.gql<Progression>(jobcentre, PROGRESSION, { id: anna });
    expect(result.errors).toBeUndefined();
    const series = result.data?.citizen.progression.series ?? [];
    const outcome = (kind: string) =>
      series.find((s) => s.instrumentKey === 'outcome' && s.department.kind === kind);
    // Seeded: jobcentre outcome 14 → 27.3 (change +13.3 ≥ 5, crossing the adult cutoff 25).
    expect(outcome('EMPLOYMENT')).toMatchObject({
      first: 14,
      classification: 'IMPROVED',
      recovered: true,
      alert: 'GREEN',
    });
    // Seeded: adult services outcome 24 → 18.2 (change −5.8): reliable deterioration.
    expect(outcome('ADULT_SOCIAL')).toMatchObject({
      first: 24,
      latest: 18.2,
      change: -5.8,
      classification: 'DETERIORATED',
      alert: 'RED',
    });
    expect(result.data?.citizen.progression.divergent).toBe(true);
  });

  it('shows a department without consent nothing of another department, not even that it exists', async () => {
    // Schools co-own a goal in the Sørensen family's plan: a case with Anna, but no consent.
    const school = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EDUCATION as string });
    const result = await api.gql<Progression>(school, PROGRESSION, { id: anna });
    expect(result.data?.citizen.progression.series).toEqual([]);
    expect(result.data?.citizen.progression.divergent).toBe(false);
  });

  it('shows a department without a case or consent not even the citizen', async () => {
    const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
    const result = await api.gql<Progression>(health, PROGRESSION, { id: anna });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data ?? null).toBeNull();
  });

  it('stops showing the other department on the next request after revocation', async () => {
    const adult = await api.token({ role: 'PROFESSIONAL', departmentId: dept.ADULT_SOCIAL as string });
    // The giving department (the jobcentre) records the consent; the receiver may give it up.
    const grant = await api.gql<{ grantConsent: { id: string } }>(
      jobcentre,
      `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
      {
        input: {
          citizenId: anna,
          fromDepartmentId: dept.EMPLOYMENT,
          toDepartmentId: dept.ADULT_SOCIAL,
          purpose: 'Fælles plan',
        },
      },
    );
    expect(grant.errors).toBeUndefined();
    const kinds = async () =>
      (
        (await api.gql<Progression>(adult, PROGRESSION, { id: anna })).data?.citizen.progression.series ?? []
      ).map((s) => s.department.kind);
    expect(await kinds()).toContain('EMPLOYMENT');
    const revoke = await api.gql(adult, `mutation($id: ID!) { revokeConsent(id: $id) { revokedAt } }`, {
      id: grant.data?.grantConsent.id,
    });
    expect(revoke.errors).toBeUndefined();
    expect(await kinds()).not.toContain('EMPLOYMENT');
    expect(await kinds()).toContain('ADULT_SOCIAL');
  });

  it('stops showing the other department once the consent has expired', async () => {
    const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
    const mentor = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const validUntil = new Date(Date.now() + 1500).toISOString();
    // The jobcentre records the consent Anna gave it towards health; health had no case.
    const grant = await api.gql(
      mentor,
      `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
      {
        input: {
          citizenId: anna,
          fromDepartmentId: dept.EMPLOYMENT,
          toDepartmentId: dept.HEALTH,
          purpose: 'Sundhedsforløb',
          validUntil,
        },
      },
    );
    expect(grant.errors).toBeUndefined();
    const count = async () =>
      ((await api.gql<Progression>(health, PROGRESSION, { id: anna })).data?.citizen.progression.series ?? [])
        .length;
    expect(await count()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1700));
    expect(await count()).toBe(0);
  });

  it('never crosses municipalities', async () => {
    sqliteOf(api.app.db)
      .prepare(
        "insert into municipality (id, name, code, created_at) values ('other-town', 'Anden Kommune', 'other', ?)",
      )
      .run(Date.now() + 1);
    sqliteOf(api.app.db)
      .prepare(
        "insert into department (id, municipality_id, kind, name) values ('other-job', 'other-town', 'EMPLOYMENT', 'Jobcenter')",
      )
      .run();
    const outsider = await api.token({
      role: 'PROFESSIONAL',
      departmentId: 'other-job',
      municipalityId: 'other-town',
    });
    const result = await api.gql(outsider, PROGRESSION, { id: anna });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data ?? null).toBeNull();
    const departments = await api.gql<{ departments: { id: string }[] }>(outsider, '{ departments { id } }');
    expect(departments.data?.departments.map((d) => d.id)).toEqual(['other-job']);
  });
});
