import { readFileSync } from 'node:fs';
import { copenhagenDate } from '@helhed/api/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { buildWorld, iso, peek, type World } from './world.js';

/**
 * Every contract operation for every role, once on a subject the role may reach ("own") and
 * once on one it may not ("other"). Each refusal must give the expected code, no data, and
 * write nothing. The expected table is the one in docs/access.md.
 */
const contract = readFileSync(new URL('../contract/operations.graphql', import.meta.url), 'utf8');

type Role = 'PROFESSIONAL' | 'COORDINATOR' | 'PARENT' | 'CITIZEN' | 'ANALYST' | 'INTEGRATION' | 'ADMIN';
type Op =
  | 'Departments'
  | 'Instruments'
  | 'CreateCitizen'
  | 'RecordMeasurement'
  | 'CitizenProgression'
  | 'GrantConsent'
  | 'RevokeConsent'
  | 'CreatePlan'
  | 'AddGoal'
  | 'RateGoal'
  | 'PlanProgress'
  | 'Statistics'
  | 'TargetGroups'
  | 'PlanEconomy'
  | 'EconomyStatistics';
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'n/a';

const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const caseWork = (
  stats: [Outcome, Outcome],
  consent: [Outcome, Outcome],
  economyStatistics: Outcome = F,
): Record<Op, [Outcome, Outcome]> => ({
  Departments: ['ok', 'ok'],
  Instruments: ['ok', 'ok'],
  CreateCitizen: ['ok', 'n/a'],
  RecordMeasurement: ['ok', N],
  CitizenProgression: ['ok', N],
  GrantConsent: consent,
  RevokeConsent: consent,
  CreatePlan: ['ok', N],
  AddGoal: ['ok', N],
  RateGoal: ['ok', N],
  PlanProgress: ['ok', N],
  Statistics: stats,
  TargetGroups: ['ok', 'ok'],
  PlanEconomy: ['ok', N],
  EconomyStatistics: [economyStatistics, 'n/a'],
});
const family: Record<Op, [Outcome, Outcome]> = {
  Departments: ['ok', 'ok'],
  Instruments: ['ok', 'ok'],
  CreateCitizen: [F, 'n/a'],
  // Outcome and goal scales between sessions, about oneself or one's minor child (docs/family.md).
  RecordMeasurement: ['ok', N],
  CitizenProgression: ['ok', N],
  GrantConsent: ['ok', N],
  RevokeConsent: ['ok', N],
  CreatePlan: [F, F],
  AddGoal: [F, F],
  RateGoal: ['ok', N],
  PlanProgress: ['ok', N],
  Statistics: [F, F],
  TargetGroups: ['ok', 'ok'],
  // Cost per named citizen is case data for departments and the coordinator (docs/economy.md);
  // another family's plan is refused as not found before its costs are reached.
  PlanEconomy: [F, N],
  EconomyStatistics: [F, 'n/a'],
};
const noCitizens: Record<Op, [Outcome, Outcome]> = {
  Departments: ['ok', 'ok'],
  Instruments: ['ok', 'ok'],
  CreateCitizen: [F, 'n/a'],
  RecordMeasurement: [F, F],
  CitizenProgression: [F, F],
  GrantConsent: [F, F],
  RevokeConsent: [F, F],
  CreatePlan: [F, F],
  AddGoal: [F, F],
  RateGoal: [F, F],
  PlanProgress: [F, F],
  Statistics: ['ok', 'BAD_USER_INPUT'],
  TargetGroups: ['ok', 'ok'],
  PlanEconomy: [F, F],
  EconomyStatistics: ['ok', 'n/a'],
};

/** Roles × operations: [own subject, other subject]. */
const expected: Record<Role, Record<Op, [Outcome, Outcome]>> = {
  PROFESSIONAL: caseWork(['ok', F], ['ok', N]),
  COORDINATOR: caseWork(['ok', 'BAD_USER_INPUT'], ['ok', N], 'ok'),
  INTEGRATION: caseWork([F, F], [F, F]),
  PARENT: family,
  CITIZEN: family,
  ANALYST: noCitizens,
  ADMIN: noCitizens,
};

/** The table written for docs/access.md: "own / other" per cell. */
function expectedTable(): string {
  const ops = Object.keys(expected.PROFESSIONAL) as Op[];
  const lines = [`| Role | ${ops.join(' | ')} |`, `|---|${ops.map(() => '---').join('|')}|`];
  for (const [role, row] of Object.entries(expected)) {
    lines.push(`| ${role} | ${ops.map((op) => row[op].join(' / ')).join(' | ')} |`);
  }
  return lines.join('\n');
}

interface Subjects {
  citizen: [string, string];
  plan: [string, string];
  goal: [string, string];
  /** The department the role records for / asks statistics about, and one it may not. */
  department: [string | undefined, string | undefined];
  raterRole: string;
  consent: [string, string];
}

let server: RunningServer;
let world: World;
const callers = {} as Record<Role, Caller>;
const subjects = {} as Record<Role, Subjects>;
const granted = {} as Partial<Record<Role, string>>;
/** A citizen without a plan per role, for CreatePlan: a second active plan is a CONFLICT (one plan). */
const planless = {} as Record<Role, string>;
let coordinator: Caller;

async function consentFor(citizenId: string): Promise<string> {
  const result = await coordinator.run<{ grantConsent: { id: string } }>(
    contract,
    {
      input: {
        citizenId,
        fromDepartmentId: world.dept.HEALTH,
        toDepartmentId: world.dept.OTHER,
        purpose: 'Test',
      },
    },
    'GrantConsent',
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.grantConsent.id;
}

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  const { dept, citizen: c, plan: p, goal: g } = world;
  coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
  const consentOn = {
    emil: await consentFor(c.emil),
    laila: await consentFor(c.laila),
    anna: await consentFor(c.anna),
    mikkel: await consentFor(c.mikkel),
  };
  const departmentBound = (raterRole: string): Subjects => ({
    citizen: [c.anna, c.emil],
    plan: [p.sorensen, p.haddad],
    goal: [g.sorensen, g.haddad],
    department: [dept.EMPLOYMENT, dept.HEALTH],
    raterRole,
    consent: [consentOn.anna, consentOn.emil],
  });
  const tenantWide: Subjects = {
    citizen: [c.anna, c.foreign],
    plan: [p.sorensen, p.foreign],
    goal: [g.sorensen, g.foreign],
    department: [undefined, world.foreignDepartment],
    raterRole: 'PROFESSIONAL',
    consent: [consentOn.anna, 'other-consent'],
  };
  Object.assign(subjects, {
    PROFESSIONAL: departmentBound('PROFESSIONAL'),
    INTEGRATION: departmentBound('PROFESSIONAL'),
    COORDINATOR: { ...tenantWide, department: [dept.EMPLOYMENT, world.foreignDepartment] },
    ANALYST: tenantWide,
    ADMIN: tenantWide,
    PARENT: {
      citizen: [c.mikkel, c.laila],
      plan: [p.sorensen, p.haddad],
      goal: [g.sorensen, g.haddad],
      department: [dept.EMPLOYMENT, dept.HEALTH],
      raterRole: 'PARENT',
      consent: [consentOn.mikkel, consentOn.laila],
    },
    CITIZEN: {
      citizen: [c.emil, c.anna],
      plan: [p.emil, p.sorensen],
      goal: [g.emil, g.sorensen],
      department: [dept.EDUCATION, dept.HEALTH],
      raterRole: 'CITIZEN',
      consent: [consentOn.emil, consentOn.anna],
    },
  } satisfies Record<Role, Subjects>);
  const claims: Record<Role, Record<string, unknown>> = {
    PROFESSIONAL: { role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT },
    COORDINATOR: { role: 'COORDINATOR' },
    PARENT: { role: 'PARENT', citizenId: c.anna },
    CITIZEN: { role: 'CITIZEN', citizenId: c.emil },
    ANALYST: { role: 'ANALYST' },
    ADMIN: { role: 'ADMIN' },
    INTEGRATION: { role: 'INTEGRATION', departments: [dept.EMPLOYMENT] },
  };
  for (const [role, claim] of Object.entries(claims)) {
    callers[role as Role] = await callerFor(server.url, claim as Record<string, string>);
  }
  for (const role of Object.keys(claims) as Role[]) {
    const created = await callers.PROFESSIONAL.run<{ createCitizen: { id: string } }>(
      contract,
      { input: { displayName: `Uden Plan ${role}`, birthYear: 1980 } },
      'CreateCitizen',
    );
    planless[role] = created.data?.createCitizen.id as string;
  }
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
  console.log(`\nRoles × operations (own / other), as tested:\n${expectedTable()}\n`);
});

/** Variables for one operation on the role's own (0) or other (1) subject, and the table it writes. */
function request(role: Role, op: Op, i: 0 | 1): { variables?: Record<string, unknown>; table?: string } {
  const s = subjects[role];
  const key = crypto.randomUUID();
  switch (op) {
    case 'Departments':
    case 'Instruments':
    case 'TargetGroups':
      return {};
    case 'CreateCitizen':
      return { variables: { input: { displayName: 'Ny Borger', birthYear: 1980 } }, table: 'citizen' };
    case 'RecordMeasurement':
      return {
        variables: {
          input: {
            idempotencyKey: key,
            citizenId: s.citizen[i],
            departmentId: s.department[0] ?? world.dept.EMPLOYMENT,
            instrumentKey: 'outcome',
            // A parent answers about their child as PARENT (docs/family.md); everyone else the citizen's answer.
            respondentRole: s.raterRole === 'PARENT' ? 'PARENT' : 'CITIZEN',
            occurredAt: iso(),
            values: [5, 5, 5, 5],
          },
        },
        table: 'measurement',
      };
    case 'CitizenProgression':
      return { variables: { id: s.citizen[i] } };
    case 'GrantConsent':
      return {
        variables: {
          input: {
            citizenId: s.citizen[i],
            // The giving department records a consent (its own towards another), never the receiver.
            fromDepartmentId: s.department[0] ?? world.dept.EMPLOYMENT,
            toDepartmentId: world.dept.HEALTH,
            purpose: 'Koordinering',
          },
        },
        table: 'consent',
      };
    case 'RevokeConsent':
      return {
        variables: { id: i === 0 ? (granted[role] ?? s.consent[0]) : s.consent[1] },
        table: 'revoked',
      };
    case 'CreatePlan':
      return { variables: { input: { citizenId: i === 0 ? planless[role] : s.citizen[i] } }, table: 'plan' };
    case 'AddGoal':
      return {
        variables: {
          input: {
            planId: s.plan[i],
            text: 'Et nyt mål',
            departmentIds: [s.department[0] ?? world.dept.EMPLOYMENT],
            instrumentKey: 'goal-scale',
            baseline: 2,
            target: 8,
          },
        },
        table: 'goal',
      };
    case 'RateGoal':
      return {
        variables: {
          input: {
            idempotencyKey: key,
            goalId: s.goal[i],
            raterRole: s.raterRole,
            value: 5,
            occurredAt: iso(),
          },
        },
        table: 'goal_rating',
      };
    case 'PlanProgress':
    case 'PlanEconomy':
      return { variables: { id: s.plan[i] } };
    case 'EconomyStatistics':
      return {};
    case 'Statistics':
      return {
        variables: {
          filter: {
            instrumentKey: 'outcome',
            from: '2025-01-01',
            to: copenhagenDate(Date.now()),
            ...(s.department[i] ? { departmentId: s.department[i] } : {}),
          },
        },
      };
  }
}

async function rows(table: string | undefined): Promise<number> {
  if (!table) return 0;
  const db = await peek(server);
  try {
    return table === 'revoked'
      ? Number(
          (await db.one<{ n: number }>('select count(*) as n from consent where revoked_at is not null')).n,
        )
      : await db.count(table);
  } finally {
    await db.close();
  }
}

const roles = Object.keys(expected) as Role[];
const ops = Object.keys(expected.PROFESSIONAL) as Op[];

describe.each(roles)('%s', (role) => {
  it.each(ops)(
    '%s: allowed on its own subject, refused on another without leaking or writing',
    async (op) => {
      for (const i of [0, 1] as const) {
        const want = expected[role][op][i];
        if (want === 'n/a') continue;
        const { variables, table } = request(role, op, i);
        const before = await rows(table);
        const result = await callers[role].run<Record<string, unknown>>(contract, variables, op);
        const code = result.errors?.[0]?.extensions?.code ?? 'ok';
        expect({ role, op, subject: i ? 'other' : 'own', code }).toEqual({
          role,
          op,
          subject: i ? 'other' : 'own',
          code: want,
        });
        if (want === 'ok') {
          expect(result.data).toBeTruthy();
          if (op === 'GrantConsent')
            granted[role] = (result.data?.grantConsent as { id: string } | undefined)?.id;
          if (op === 'Departments') {
            const ids = ((result.data?.departments ?? []) as { id: string }[]).map((d) => d.id);
            expect(ids).not.toContain(world.foreignDepartment);
          }
          if (op === 'TargetGroups') {
            const keys = ((result.data?.targetGroups ?? []) as { key: string }[]).map((g) => g.key);
            expect(keys.length).toBeGreaterThan(0);
            expect(keys).not.toContain('other-group');
          }
        } else {
          expect(result.data ?? null).toBeNull();
          expect(JSON.stringify(result)).not.toMatch(/Sørensen|Haddad|Nørgaard|Fremmed/);
          expect(await rows(table)).toBe(before);
        }
      }
    },
  );
});
