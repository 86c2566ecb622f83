import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { buildWorld, countRows, peek, type World } from './world.js';

const PROGRESSION = `query($id: ID!) { citizen(id: $id) { id displayName
  progression { series { department { kind } latest } } } }`;
const GRANT = 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }';
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id) { id status } }';

let server: RunningServer;
let world: World;
let health: Caller;
let mentor: Caller;
let school: Caller;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  health = await callerFor(server.url, { role: 'PROFESSIONAL', departmentId: world.dept.HEALTH as string });
  mentor = await callerFor(server.url, {
    role: 'PROFESSIONAL',
    departmentId: world.dept.EMPLOYMENT as string,
  });
  school = await callerFor(server.url, {
    role: 'PROFESSIONAL',
    departmentId: world.dept.EDUCATION as string,
  });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const kinds = async (caller: Caller) => {
  const r = await caller.run<{ citizen: { progression: { series: { department: { kind: string } }[] } } }>(
    PROGRESSION,
    { id: world.citizen.anna },
  );
  return r.errors
    ? (r.errors[0]?.extensions?.code ?? 'error')
    : r.data?.citizen.progression.series.map((s) => s.department.kind).sort();
};

describe('cross-department reads under consent', () => {
  it('before consent: a department without a case gets NOT_FOUND, a case without consent sees only its own', async () => {
    expect(await kinds(health)).toBe('NOT_FOUND');
    expect(await kinds(school)).toEqual([]);
  });

  it('refuses a department granting itself access: NOT_FOUND and no consent written', async () => {
    const before = await countRows(server, 'consent');
    const r = await health.run(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.EMPLOYMENT,
        toDepartmentId: world.dept.HEALTH,
        purpose: 'x',
      },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.data ?? null).toBeNull();
    expect(await countRows(server, 'consent')).toBe(before);
  });

  it('after consent, revocation and expiry: sees exactly the consenting department, then nothing', async () => {
    const grant = await mentor.run<{ grantConsent: { id: string; status: string } }>(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.EMPLOYMENT,
        toDepartmentId: world.dept.HEALTH,
        purpose: 'Sundhedsforløb',
      },
    });
    expect(grant.data?.grantConsent.status).toBe('ACTIVE');
    // Adult services' series stay hidden: only the jobcentre consented towards health.
    expect(await kinds(health)).toEqual(['EMPLOYMENT', 'EMPLOYMENT']);
    const revoked = await mentor.run<{ revokeConsent: { status: string } }>(REVOKE, {
      id: grant.data?.grantConsent.id,
    });
    expect(revoked.data?.revokeConsent.status).toBe('REVOKED');
    expect(await kinds(health)).toBe('NOT_FOUND');

    const validUntil = new Date(Date.now() + 1500).toISOString();
    const expiring = await mentor.run(GRANT, {
      input: {
        citizenId: world.citizen.anna,
        fromDepartmentId: world.dept.EMPLOYMENT,
        toDepartmentId: world.dept.HEALTH,
        purpose: 'Kort',
        validUntil,
      },
    });
    expect(expiring.errors).toBeUndefined();
    expect(await kinds(health)).toEqual(['EMPLOYMENT', 'EMPLOYMENT']);
    await new Promise((r) => setTimeout(r, 1700));
    expect(await kinds(health)).toBe('NOT_FOUND');
  });

  it('never crosses municipalities, even for the coordinator', async () => {
    const coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
    const r = await coordinator.run(PROGRESSION, { id: world.citizen.foreign });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.data ?? null).toBeNull();
    const outsider = await callerFor(server.url, {
      role: 'COORDINATOR',
      municipalityId: world.foreignMunicipality,
    });
    const back = await outsider.run(PROGRESSION, { id: world.citizen.anna });
    expect(back.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(back)).not.toContain('Sørensen');
  });

  it('limits an integration client to the departments of its claim', async () => {
    const vendor = await callerFor(server.url, {
      role: 'INTEGRATION',
      departments: [world.dept.EMPLOYMENT],
    } as never);
    expect(await kinds(vendor)).toEqual(['ADULT_SOCIAL', 'EMPLOYMENT', 'EMPLOYMENT']);
    const emil = await vendor.run(PROGRESSION, { id: world.citizen.emil });
    expect(emil.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('Citizen.consents and Citizen.accessLog', () => {
  const LOG = `query($id: ID!) { citizen(id: $id) { consents { fromDepartment { name } toDepartment { name } status }
    accessLog(limit: 200) { at actorRole department purpose action outcome } } }`;

  it('shows a parent their child’s consents with department names and who looked, by role and department only', async () => {
    const parent = await callerFor(server.url, { role: 'PARENT', citizenId: world.citizen.anna });
    const own = await parent.run<{
      citizen: {
        consents: { fromDepartment: { name: string }; status: string }[];
        accessLog: { actorRole: string; department: string | null; action: string; outcome: string }[];
      };
    }>(LOG, { id: world.citizen.anna });
    expect(own.errors).toBeUndefined();
    const statuses = own.data?.citizen.consents.map((c) => c.status).sort();
    expect(statuses).toEqual(['ACTIVE', 'EXPIRED', 'REVOKED']);
    const log = own.data?.citizen.accessLog ?? [];
    expect(log).toContainEqual(
      expect.objectContaining({ actorRole: 'PROFESSIONAL', department: 'Sundhed', outcome: 'DENIED' }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({ actorRole: 'PROFESSIONAL', department: 'Sundhed', outcome: 'ALLOWED' }),
    );
    // Staff appear by role and department, never by subject or name.
    expect(JSON.stringify(log)).not.toMatch(/dev:|Mette|Ali Nasser|actorId/);
    const child = await parent.run(LOG, { id: world.citizen.mikkel });
    expect(child.errors).toBeUndefined();
  });

  it('refuses the access log to case workers (FORBIDDEN) and another family’s parent (NOT_FOUND)', async () => {
    const coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
    const r = await coordinator.run(LOG, { id: world.citizen.anna });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data ?? null).toBeNull();
    const karim = await callerFor(server.url, { role: 'PARENT', citizenId: world.citizen.karim });
    const other = await karim.run(LOG, { id: world.citizen.mikkel });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.data ?? null).toBeNull();
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const db = await peek(server, { readonly: false });
    try {
      const before = await db.count('audit_event');
      await expect(db.exec("update audit_event set outcome = 'ALLOWED'")).rejects.toThrow(/append-only/);
      await expect(db.exec('delete from audit_event')).rejects.toThrow(/append-only/);
      expect(await db.count('audit_event')).toBe(before);
    } finally {
      await db.close();
    }
  });

  it('exposes no mutation on the audit trail', async () => {
    const admin = await callerFor(server.url, { role: 'ADMIN' });
    const r = await admin.run<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
    );
    const names = r.data?.__schema.mutationType.fields.map((f) => f.name) ?? [];
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => /audit|accessLog/i.test(n))).toEqual([]);
  });
});
