import { and, asc, eq, gt, gte, ilike, inArray, isNull, like, or, Param, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import type { Consent, Plan } from '../db/schema/index.js';
import {
  citizen,
  citizenDepartment,
  consent,
  department,
  family,
  familyMember,
  goalDepartment,
  plan,
} from '../db/tables.js';
import { copenhagenDate } from '../kernel/calendar.js';
import { badInput, forbidden, notFound } from '../kernel/errors.js';
import type { Actor, Role } from './actor.js';
import { recordAudit, recordAudits } from './audit.js';
import { activeConsentsTowards } from './consent.js';
import { planMembers } from './plan-members.js';

/**
 * THE place for authorization (docs/design.md §5, docs/access.md). Domain functions and resolvers
 * call these gates; no role is tested anywhere else. Out of reach is NOT_FOUND (existence never
 * leaks); a role that can never do a thing is FORBIDDEN, whatever the id.
 */

/** Which departments' records of a citizen an actor may see: a set, or every department. */
export type DepartmentScope = { kind: 'ALL' } | { kind: 'SOME'; departmentIds: Set<string> };

const ALL: DepartmentScope = { kind: 'ALL' };
const caseRoles: ReadonlySet<Role> = new Set(['PROFESSIONAL', 'COORDINATOR', 'INTEGRATION']);
const personRoles: ReadonlySet<Role> = new Set(['PARENT', 'CITIZEN']);

export const scopeAllows = (scope: DepartmentScope, departmentId: string) =>
  scope.kind === 'ALL' || scope.departmentIds.has(departmentId);

/**
 * The departments an actor works for: a professional's own, an integration client's
 * `departments` claim; null means the whole municipality (coordinator, unrestricted client).
 */
function actingDepartments(actor: Actor): readonly string[] | null {
  if (actor.role === 'PROFESSIONAL') return actor.departmentId ? [actor.departmentId] : [];
  if (actor.role === 'INTEGRATION') return actor.allDepartments === true ? null : actor.departmentIds;
  return null;
}

/** True when one of the departments has a case with the citizen (citizen_department). */
async function hasCase(db: Db, citizenId: string, departmentIds: readonly string[]): Promise<boolean> {
  if (departmentIds.length === 0) return false;
  return (
    (
      await db
        .select({ d: citizenDepartment.departmentId })
        .from(citizenDepartment)
        .where(
          and(
            eq(citizenDepartment.citizenId, citizenId),
            inArray(citizenDepartment.departmentId, [...departmentIds]),
          ),
        )
    )[0] !== undefined
  );
}

/** The policy's "now": when the request arrived (server clock), for consents and ages. */
export const requestTime = (actor: Actor): Date => actor.at ?? new Date();

/** Age of majority in Denmark: at 18 a child speaks for themself (and a parent no longer does). */
const ADULT_AGE = 18;

/**
 * True when the citizen is the actor, or the actor is a PARENT and the citizen is a minor CHILD
 * in a family where the actor is PARENT. The co-parent, other adults and grown-up children are
 * separate people. Only the birth year is stored, so someone who may already be 18 this year
 * counts as an adult: a parent's reach fails closed.
 */
async function isSelfOrChild(db: Db, actor: Actor, citizenId: string): Promise<boolean> {
  if (actor.citizenId === null) return false;
  if (actor.citizenId === citizenId) return true;
  if (actor.role !== 'PARENT') return false;
  const children = childrenSpokenFor(db, actor, actor.citizenId);
  return (
    (
      await db
        .select({ c: citizen.id })
        .from(citizen)
        .where(and(eq(citizen.id, citizenId), inArray(citizen.id, children)))
    )[0] !== undefined
  );
}

/**
 * The one definition of whom a parent speaks for, as a subquery: the minor CHILD members of the
 * families where `parentId` is PARENT (see isSelfOrChild).
 */
function childrenSpokenFor(db: Db, actor: Actor, parentId: string) {
  const families = db
    .select({ familyId: familyMember.familyId })
    .from(familyMember)
    .where(and(eq(familyMember.citizenId, parentId), eq(familyMember.role, 'PARENT')));
  const oldestMinor = Number(copenhagenDate(requestTime(actor)).slice(0, 4)) - (ADULT_AGE - 1);
  return db
    .select({ c: familyMember.citizenId })
    .from(familyMember)
    .innerJoin(citizen, eq(citizen.id, familyMember.citizenId))
    .where(
      and(
        inArray(familyMember.familyId, families),
        eq(familyMember.role, 'CHILD'),
        gte(citizen.birthYear, oldestMinor),
      ),
    );
}

/**
 * What the actor may see of a citizen known to be in the actor's municipality; null = nothing.
 * Department-bound actors need a case with the citizen or an active consent towards them.
 */
async function citizenScope(db: Db, actor: Actor, citizenId: string): Promise<DepartmentScope | null> {
  if (personRoles.has(actor.role)) return (await isSelfOrChild(db, actor, citizenId)) ? ALL : null;
  if (!caseRoles.has(actor.role)) return null;
  const own = actingDepartments(actor);
  if (own === null) return ALL;
  const facts = await departmentAccessFacts(db, actor, citizenId, own);
  return facts ? departmentScopeOf(facts, own) : null;
}

/** What a department-bound actor's access to one citizen rests on. */
interface DepartmentAccessFacts {
  /** One of the actor's departments has a case with the citizen (citizen_department). */
  hasCase: boolean;
  /** Departments whose records an active consent opens to the actor's departments. */
  consenting: Set<string>;
}

/**
 * The whole access decision of a department-bound actor about one citizen in one statement —
 * tenant, case and consent — instead of one query each: it runs on every read and write of a
 * citizen (issue #21). No row: the citizen is not in the actor's municipality.
 */
async function departmentAccessFacts(
  db: Db,
  actor: Actor,
  citizenId: string,
  own: readonly string[],
): Promise<DepartmentAccessFacts | null> {
  // Built once per handle and number of own departments; runs on every read and write.
  const query = prepared(db, `department-access-facts:${own.length}`, (on) => {
    const ownDepartments = own.map((_, i) => sql.placeholder(`own${i}`));
    // Spelled out: inside a select list drizzle names a column without its table.
    const hasCase =
      own.length === 0
        ? sql<number>`0`
        : sql<number | boolean>`exists (select 1 from citizen_department cd
          where cd.citizen_id = "citizen"."id" and cd.department_id in (${sql.join(ownDepartments, sql`, `)}))`;
    return on
      .select({ hasCase, consentFrom: consent.fromDepartmentId })
      .from(citizen)
      .leftJoin(
        consent,
        own.length === 0
          ? sql`false`
          : and(
              eq(consent.citizenId, citizen.id),
              eq(consent.municipalityId, citizen.municipalityId),
              inArray(consent.toDepartmentId, ownDepartments),
              isNull(consent.revokedAt),
              // The request's time, encoded as the column stores it.
              or(
                isNull(consent.validUntil),
                gt(consent.validUntil, new Param(sql.placeholder('now'), consent.validUntil)),
              ),
            ),
      )
      .where(
        and(
          eq(citizen.id, sql.placeholder('citizenId')),
          eq(citizen.municipalityId, sql.placeholder('municipalityId')),
          // As inTenant: a record merged into another is gone for every reader.
          isNull(citizen.mergedIntoId),
        ),
      )
      .prepare();
  });
  const values: Record<string, unknown> = {
    citizenId,
    municipalityId: actor.municipalityId,
    now: requestTime(actor),
  };
  own.forEach((d, i) => {
    values[`own${i}`] = d;
  });
  const rows = await query.execute(values);
  const first = rows[0];
  if (!first) return null;
  const consenting = new Set<string>();
  for (const r of rows) if (r.consentFrom !== null) consenting.add(r.consentFrom);
  // SQLite answers 0/1, PostgreSQL a boolean.
  return { hasCase: Number(first.hasCase) === 1, consenting };
}

function departmentScopeOf(facts: DepartmentAccessFacts, own: readonly string[]): DepartmentScope | null {
  if (!facts.hasCase && facts.consenting.size === 0) return null;
  return { kind: 'SOME', departmentIds: new Set([...own, ...facts.consenting]) };
}

async function inTenant(db: Db, actor: Actor, citizenId: string): Promise<boolean> {
  return (
    (
      await db
        .select({ id: citizen.id })
        .from(citizen)
        .where(
          and(
            eq(citizen.id, citizenId),
            eq(citizen.municipalityId, actor.municipalityId),
            // A record merged into another is gone for every reader (domain/citizen-merge.ts).
            isNull(citizen.mergedIntoId),
          ),
        )
    )[0] !== undefined
  );
}

/** Statistics-only and configuration roles never reach a citizen's data. */
async function assertMayReachCitizens(
  db: Db,
  actor: Actor,
  citizenIds: readonly string[],
  action: string,
): Promise<void> {
  if (caseRoles.has(actor.role) || personRoles.has(actor.role)) return;
  await recordAudits(
    db,
    actor,
    citizenIds.map((citizenId) => ({ citizenId, action, outcome: 'DENIED' as const })),
  );
  throw forbidden(`The ${actor.role} role has no access to citizens' data.`);
}

/**
 * The one gate for reading a citizen's data. Audits the attempt either way. A citizen outside
 * the actor's reach is reported as not found, so its existence never leaks.
 */
export async function authorizeCitizenRead(
  db: Db,
  actor: Actor,
  citizenId: string,
  action: string,
): Promise<DepartmentScope> {
  const granted = actor.request?.grants.get(citizenId);
  if (granted) return granted.scope;
  const decision = await decideCitizenAccess(db, actor, citizenId, action);
  if (decision.known) {
    await recordAudit(db, actor, { citizenId, action, outcome: decision.scope ? 'ALLOWED' : 'DENIED' });
  }
  if (!decision.scope) throw notFound('Citizen');
  // Checked and audited once per request (access/request-state.ts).
  actor.request?.grants.set(citizenId, { scope: decision.scope, hasCase: decision.hasCase });
  return decision.scope;
}

interface CitizenAccessDecision {
  /** The citizen is in the actor's municipality (and not merged away). */
  known: boolean;
  scope: DepartmentScope | null;
  hasCase: boolean | undefined;
}

/** Tenant, case and consent of one citizen for the actor; audits only a role's refusal. */
async function decideCitizenAccess(
  db: Db,
  actor: Actor,
  citizenId: string,
  action: string,
): Promise<CitizenAccessDecision> {
  const own = caseRoles.has(actor.role) ? actingDepartments(actor) : null;
  if (own !== null) {
    // A department-bound actor: tenant, case and consent in one statement.
    const facts = await departmentAccessFacts(db, actor, citizenId, own);
    return {
      known: facts !== null,
      scope: facts ? departmentScopeOf(facts, own) : null,
      hasCase: facts?.hasCase,
    };
  }
  const known = await inTenant(db, actor, citizenId);
  await assertMayReachCitizens(db, actor, known ? [citizenId] : [], action);
  return { known, scope: known ? await citizenScope(db, actor, citizenId) : null, hasCase: undefined };
}

/**
 * Opens a plan: a citizen or parent for their own (family's) plan, a department-bound actor
 * when it may see one of the plan's citizens, a coordinator any plan of the municipality.
 * Audited once per citizen the plan is about, in one insert.
 */
export async function authorizePlanRead(db: Db, actor: Actor, planId: string, action: string): Promise<Plan> {
  const row = (
    await db
      .select()
      .from(plan)
      .where(and(eq(plan.id, planId), eq(plan.municipalityId, actor.municipalityId)))
  )[0];
  const members = row ? (await planMembers(db, row)).map((m) => m.citizenId) : [];
  await assertMayReachCitizens(db, actor, members, action);
  if (!row) throw notFound('Plan');
  const allowed = await mayOpenPlan(db, actor, row, members);
  await recordAudits(
    db,
    actor,
    members.map((citizenId) => ({ citizenId, action, outcome: allowed ? 'ALLOWED' : 'DENIED' }) as const),
  );
  if (!allowed) throw notFound('Plan');
  return row;
}

async function mayOpenPlan(db: Db, actor: Actor, p: Plan, members: readonly string[]): Promise<boolean> {
  if (personRoles.has(actor.role)) {
    if (p.citizenId) return isSelfOrChild(db, actor, p.citizenId);
    return actor.citizenId !== null && members.includes(actor.citizenId);
  }
  for (const m of members) if ((await citizenScope(db, actor, m)) !== null) return true;
  return false;
}

/**
 * Whose interventions (and measurements) in a plan the actor may see: everything for the
 * coordinator, the family and unrestricted clients; for a department-bound actor its own
 * departments plus those consenting towards them for any of the plan's citizens.
 */
export async function planDepartmentScope(db: Db, actor: Actor, p: Plan): Promise<DepartmentScope> {
  if (personRoles.has(actor.role) || actingDepartments(actor) === null) return ALL;
  const ids = new Set<string>(actingDepartments(actor));
  for (const m of await planMembers(db, p)) {
    const scope = await citizenScope(db, actor, m.citizenId);
    if (scope?.kind === 'SOME') for (const d of scope.departmentIds) ids.add(d);
  }
  return { kind: 'SOME', departmentIds: ids };
}

/** A family plan may be opened by whoever may see one of the family's members. */
export async function authorizeFamily(db: Db, actor: Actor, familyId: string, action: string): Promise<void> {
  const fam = (
    await db
      .select({ id: family.id })
      .from(family)
      .where(and(eq(family.id, familyId), eq(family.municipalityId, actor.municipalityId)))
  )[0];
  const members = fam
    ? (
        await db
          .select({ c: familyMember.citizenId })
          .from(familyMember)
          .where(eq(familyMember.familyId, familyId))
      ).map((m) => m.c)
    : [];
  await assertMayReachCitizens(db, actor, members, action);
  let allowed = false;
  for (const m of members) if ((await citizenScope(db, actor, m)) !== null) allowed = true;
  await recordAudits(
    db,
    actor,
    members.map((citizenId) => ({ citizenId, action, outcome: allowed ? 'ALLOWED' : 'DENIED' }) as const),
  );
  if (!allowed) throw notFound('Family');
}

/**
 * The gate for writing about a citizen (a measurement, a plan): the citizen must be in reach
 * AND a department-bound actor needs a case of its own with them. A consent gives read access
 * only, so it can never become a permanent case through the triggers. The coordinator and
 * municipality-wide clients write anywhere in the municipality (every write is audited).
 */
export async function authorizeCitizenWrite(
  db: Db,
  actor: Actor,
  citizenId: string,
  action: string,
): Promise<DepartmentScope> {
  const scope = await authorizeCitizenRead(db, actor, citizenId, action);
  await assertOwnCase(db, actor, [citizenId], action);
  return scope;
}

/**
 * The same gate for a write that records its own ALLOWED event for the citizen inside its
 * transaction, so the check and the change are audited by one row in one durable commit
 * (instead of a relaxed commit for the check, then the write's). A refusal is audited here, at
 * once, as by authorizeCitizenWrite. Nothing is granted to the rest of the request: a read later
 * in it checks and audits itself (docs/access.md, "Writes").
 */
export async function authorizeCitizenWriteAuditedByWrite(
  db: Db,
  actor: Actor,
  citizenId: string,
  action: string,
): Promise<DepartmentScope> {
  const granted = actor.request?.grants.get(citizenId);
  const decision = granted
    ? { known: true, scope: granted.scope, hasCase: granted.hasCase }
    : await decideCitizenAccess(db, actor, citizenId, action);
  if (!decision.scope) {
    if (decision.known) await recordAudit(db, actor, { citizenId, action, outcome: 'DENIED' });
    throw notFound('Citizen');
  }
  await assertOwnCase(db, actor, [citizenId], action, decision.hasCase);
  return decision.scope;
}

/** Writing into a plan (goals, interventions, meetings) needs a case with one of its citizens. */
export async function authorizePlanWrite(
  db: Db,
  actor: Actor,
  planId: string,
  action: string,
): Promise<Plan> {
  const row = await authorizePlanRead(db, actor, planId, action);
  if (actingDepartments(actor) !== null) {
    const members = (await planMembers(db, row)).map((m) => m.citizenId);
    await assertOwnCase(db, actor, members, action);
  }
  return row;
}

async function assertOwnCase(
  db: Db,
  actor: Actor,
  citizenIds: readonly string[],
  action: string,
  /** What the caller's access decision already learnt about the one citizen. */
  decidedHasCase?: boolean,
): Promise<void> {
  const own = actingDepartments(actor);
  if (own === null || personRoles.has(actor.role)) return;
  for (const citizenId of citizenIds) {
    // The read gate of this request may have learnt it already, in its one statement.
    const known = decidedHasCase ?? actor.request?.grants.get(citizenId)?.hasCase;
    if (known ?? (await hasCase(db, citizenId, own))) return;
  }
  await recordAudits(
    db,
    actor,
    citizenIds.map((citizenId) => ({ citizenId, action, outcome: 'DENIED' as const })),
  );
  throw forbidden(
    'Writing needs a case of your own department with the citizen; a consent lets you read only.',
  );
}

/** Creating a family's plan needs a case with one of the family's members. */
export async function authorizeFamilyWrite(
  db: Db,
  actor: Actor,
  familyId: string,
  action: string,
): Promise<void> {
  await authorizeFamily(db, actor, familyId, action);
  const members = await db
    .select({ c: familyMember.citizenId })
    .from(familyMember)
    .where(eq(familyMember.familyId, familyId));
  await assertOwnCase(
    db,
    actor,
    members.map((m) => m.c),
    action,
  );
}

/** Roles that work with citizens' cases, as opposed to statistics or tenant configuration. */
export function assertCaseWorker(actor: Actor): void {
  if (!caseRoles.has(actor.role)) throw forbidden(`The ${actor.role} role cannot do this.`);
}

/**
 * Acting for a department (recording its measurements, adding its interventions): a
 * professional for their own, an integration client for its claimed ones, a coordinator for any.
 */
export function assertActsFor(actor: Actor, departmentId: string): void {
  assertCaseWorker(actor);
  const own = actingDepartments(actor);
  if (own === null || own.includes(departmentId)) return;
  throw forbidden('You can only act for your own department.');
}

/** A department-bound actor changes only goals one of its departments owns. */
export async function assertMayChangeGoal(db: Db, actor: Actor, goalId: string): Promise<void> {
  assertCaseWorker(actor);
  const own = actingDepartments(actor);
  if (own === null) return;
  const owns =
    own.length > 0 &&
    (
      await db
        .select({ d: goalDepartment.departmentId })
        .from(goalDepartment)
        .where(and(eq(goalDepartment.goalId, goalId), inArray(goalDepartment.departmentId, [...own])))
    )[0] !== undefined;
  if (!owns) throw forbidden('A professional can only change goals their department owns.');
}

/**
 * Rating goals is for case workers and the family; people rate as themselves, so a parent or
 * citizen cannot give a professional's rating. Checked before any lookup.
 */
export function assertMayRateAs(actor: Actor, raterRole: string): void {
  if (!caseRoles.has(actor.role) && !personRoles.has(actor.role)) {
    throw forbidden(`The ${actor.role} role cannot rate goals.`);
  }
  if (personRoles.has(actor.role) && (raterRole === 'PROFESSIONAL' || raterRole === 'COORDINATOR')) {
    throw forbidden(`A ${actor.role} cannot rate as ${raterRole}.`);
  }
}

/** The family's own answers (docs/family.md): PARENT and CITIZEN, nobody on their behalf. */
export const isPerson = (actor: Actor): boolean => personRoles.has(actor.role);

/**
 * A family member answering a questionnaire outside a session: about themself (as CITIZEN, or
 * CHILD for a child's instrument), or a parent about their minor child (as PARENT). The answer
 * joins the series of a department that has a case with the citizen. Audited like a read.
 */
export async function authorizeOwnAnswer(
  db: Db,
  actor: Actor,
  answer: { citizenId: string; departmentId: string; respondentRole: string },
  action: string,
): Promise<void> {
  if (!isPerson(actor))
    throw forbidden(`The ${actor.role} role answers with a professional, not as the family.`);
  await authorizeCitizenRead(db, actor, answer.citizenId, action);
  const aboutSelf = answer.citizenId === actor.citizenId;
  const asWho = aboutSelf ? ['CITIZEN', 'CHILD'] : ['PARENT'];
  if (!asWho.includes(answer.respondentRole)) {
    throw forbidden(
      aboutSelf
        ? 'You answer about yourself as CITIZEN (or CHILD).'
        : 'A parent answers about their child as PARENT.',
    );
  }
  if (!(await hasCase(db, answer.citizenId, [answer.departmentId]))) {
    throw badInput('departmentId must name a department that works with the citizen.', 'departmentId');
  }
}

/**
 * Whether a family member may answer about a citizen: themself, or (a parent) their minor
 * child. Used when an invitation is issued, before the invitee has done anything: no audit.
 */
export const mayAnswerAbout = (db: Db, invitee: Actor, citizenId: string): Promise<boolean> =>
  isSelfOrChild(db, invitee, citizenId);

/** Only a parent accepts a plan (their own family's; the plan gate checks which). */
export function assertMayAcceptPlan(actor: Actor): void {
  if (actor.role !== 'PARENT') throw forbidden('Only a parent can accept the plan.');
}

/**
 * Recording a consent: the citizen, a parent for their child, the coordinator, or a
 * professional of the GIVING department that has a case with the citizen. The receiving
 * department may ask for a consent, never record one: no department grants itself another's
 * data. Revoking: the same people, or the receiving department giving its access up.
 * Audited like a read of the citizen; a refusal is audited as DENIED.
 */
export async function authorizeConsentChange(
  db: Db,
  actor: Actor,
  c: Pick<Consent, 'citizenId' | 'fromDepartmentId' | 'toDepartmentId'>,
  action: 'grantConsent' | 'revokeConsent',
): Promise<void> {
  assertMayChangeConsents(actor);
  await authorizeCitizenRead(db, actor, c.citizenId, action);
  if (actor.role !== 'PROFESSIONAL') return;
  const own = actor.departmentId ?? '';
  const mayChange = own === c.fromDepartmentId || (action === 'revokeConsent' && own === c.toDepartmentId);
  if (!mayChange) {
    await recordAudit(db, actor, { citizenId: c.citizenId, action, outcome: 'DENIED' });
    throw forbidden(
      'Only the giving department, the citizen, a parent or the coordinator can record a consent; ask the giving department.',
    );
  }
  if (!(await hasCase(db, c.citizenId, [own]))) {
    await recordAudit(db, actor, { citizenId: c.citizenId, action, outcome: 'DENIED' });
    throw forbidden('Only a department with a case with the citizen can record their consent.');
  }
}

/** Consents are recorded by case workers and the family, never by a vendor's client. */
export function assertMayChangeConsents(actor: Actor): void {
  if (actor.role === 'INTEGRATION' || !(caseRoles.has(actor.role) || personRoles.has(actor.role))) {
    throw forbidden(`The ${actor.role} role cannot record or revoke consent.`);
  }
}

/**
 * Whose consents a caller with this scope sees in a timeline: a department-bound actor (a
 * professional, or an integration client with its claimed departments) only those one of its
 * departments is an end of; null = all of the citizen's consents.
 */
export function consentEnds(actor: Actor, scope: DepartmentScope): readonly string[] | null {
  if (scope.kind === 'ALL') return null;
  return actingDepartments(actor) ?? [];
}

/** Consents a caller with this scope may see: a department-bound actor those it is an end of. */
export function consentVisible(actor: Actor, scope: DepartmentScope, c: Consent): boolean {
  const own = scope.kind === 'ALL' ? null : actingDepartments(actor);
  return own === null || own.includes(c.fromDepartmentId) || own.includes(c.toDepartmentId);
}

/** Who looked at a citizen's data is for the citizen, and a parent for their child. */
export async function authorizeAccessLogRead(db: Db, actor: Actor, citizenId: string): Promise<void> {
  if (!personRoles.has(actor.role)) {
    throw forbidden('The access log is for the citizen and, for a child, the parent.');
  }
  await authorizeCitizenRead(db, actor, citizenId, 'accessLog');
}

/**
 * Anonymous statistics: analysts, coordinators and administrators see the municipality; a
 * professional their own department; citizens, parents and vendors' clients none. Returns the
 * department filter in force; refusals are audited.
 */
export async function authorizeStatistics(
  db: Db,
  actor: Actor,
  asked: string | null,
): Promise<string | null> {
  const deny = async (message: string) => {
    await recordAudit(db, actor, { citizenId: null, action: 'progressionStatistics', outcome: 'DENIED' });
    return forbidden(message);
  };
  if (actor.role === 'PROFESSIONAL') {
    if (!actor.departmentId) throw await deny('A professional without a department cannot see statistics.');
    if (asked !== null && asked !== actor.departmentId) {
      throw await deny('A professional sees statistics for their own department only.');
    }
    return actor.departmentId;
  }
  if (!['ANALYST', 'COORDINATOR', 'ADMIN'].includes(actor.role)) {
    throw await deny(`The ${actor.role} role cannot see statistics.`);
  }
  if (asked === null) return null;
  const row = (
    await db
      .select({ id: department.id })
      .from(department)
      .where(and(eq(department.id, asked), eq(department.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw badInput('Unknown department.', 'filter.departmentId');
  return asked;
}

/**
 * The departments whose case a newly registered citizen opens: the professional's, or an
 * integration client's claimed ones. A coordinator's registration opens none.
 */
export const registeringDepartments = (actor: Actor): readonly string[] => actingDepartments(actor) ?? [];

/**
 * The citizens an actor may open, by name: a professional's caseload (case or consent), a
 * coordinator's municipality, a parent's family. Each listed citizen is audited as read.
 */
export async function listReachableCitizens(
  db: Db,
  actor: Actor,
  search: string,
  limit: number,
): Promise<string[]> {
  await assertMayReachCitizens(db, actor, [], 'citizens');
  // Case-insensitive on both dialects (PostgreSQL's LIKE is case-sensitive, SQLite's is not).
  const pattern = `%${search.replace(/[%_\\]/g, '')}%`;
  // Only citizens the actor could reach are read at all, and no more than the page: an empty
  // search never walks the whole municipality checking access one citizen at a time.
  const own = actingDepartments(actor);
  const candidates = await db
    .select({ id: citizen.id })
    .from(citizen)
    .where(
      and(
        eq(citizen.municipalityId, actor.municipalityId),
        isNull(citizen.mergedIntoId),
        nameMatches(db, pattern),
        personRoles.has(actor.role)
          ? ownPeople(db, actor)
          : own === null
            ? undefined
            : caseOrConsent(db, actor, own),
      ),
    )
    .orderBy(asc(citizen.displayName), asc(citizen.id))
    .limit(limit);
  // The filter above is the reach itself (caseOrConsent, ownPeople): no check per candidate.
  const reachable = candidates.map((c) => c.id);
  await recordAudits(
    db,
    actor,
    reachable.map((citizenId) => ({ citizenId, action: 'citizens', outcome: 'ALLOWED' as const })),
  );
  return reachable;
}

/** Citizens one of the departments has a case with or an active consent towards. */
function caseOrConsent(db: Db, actor: Actor, own: readonly string[]) {
  if (own.length === 0) return sql`false`;
  const now = requestTime(actor);
  return or(
    inArray(
      citizen.id,
      db
        .select({ c: citizenDepartment.citizenId })
        .from(citizenDepartment)
        .where(inArray(citizenDepartment.departmentId, [...own])),
    ),
    inArray(
      citizen.id,
      db
        .select({ c: consent.citizenId })
        .from(consent)
        .where(
          and(
            eq(consent.municipalityId, actor.municipalityId),
            inArray(consent.toDepartmentId, [...own]),
            isNull(consent.revokedAt),
            or(isNull(consent.validUntil), gt(consent.validUntil, now)),
          ),
        ),
    ),
  );
}

/** A person themself, and for a parent the children they speak for: isSelfOrChild as a filter. */
function ownPeople(db: Db, actor: Actor) {
  const self = actor.citizenId;
  if (self === null) return sql`false`;
  if (actor.role !== 'PARENT') return eq(citizen.id, self);
  return or(eq(citizen.id, self), inArray(citizen.id, childrenSpokenFor(db, actor, self)));
}

/** Case-insensitive name search on both dialects: SQLite's LIKE already is, PostgreSQL's is not. */
const nameMatches = (db: Db, pattern: string) =>
  db.$dialect === 'postgres' ? ilike(citizen.displayName, pattern) : like(citizen.displayName, pattern);

/**
 * Setting the municipality up — departments, staff, families, target groups, merging records —
 * is the administrator's alone. Every change is audited by the domain function that makes it.
 */
export function assertAdministrator(actor: Actor, what = 'the organisation'): void {
  if (actor.role !== 'ADMIN') throw forbidden(`Only an administrator can change ${what}.`);
}

/** The staff directory is for staff: citizens and parents see only their plan's coordinator. */
export function assertMayReadStaffDirectory(actor: Actor): void {
  if (personRoles.has(actor.role)) throw forbidden('The staff directory is for staff.');
}

/**
 * Cost per named citizen is case data (docs/economy.md): the coordinator and departments with a
 * case or consent, never the family, analysts or administrators. Opens the plan as a read audited
 * `planEconomy` and returns whose costs the caller sees (the plan's intervention scope).
 */
export async function authorizePlanEconomy(
  db: Db,
  actor: Actor,
  planId: string,
): Promise<{ plan: Plan; scope: DepartmentScope }> {
  if (!caseRoles.has(actor.role)) {
    await recordAudit(db, actor, { citizenId: null, action: 'planEconomy', outcome: 'DENIED' });
    throw forbidden(`The ${actor.role} role cannot see what a citizen's help costs.`);
  }
  const p = await authorizePlanRead(db, actor, planId, 'planEconomy');
  return { plan: p, scope: await planDepartmentScope(db, actor, p) };
}

/** Anonymous cost figures: analysts, coordinators and administrators; audited without a citizen. */
export async function authorizeEconomyStatistics(db: Db, actor: Actor): Promise<void> {
  const allowed = ['ANALYST', 'COORDINATOR', 'ADMIN'].includes(actor.role);
  await recordAudit(db, actor, {
    citizenId: null,
    action: 'economyStatistics',
    outcome: allowed ? 'ALLOWED' : 'DENIED',
  });
  if (!allowed) throw forbidden(`The ${actor.role} role cannot see cost statistics.`);
}

/**
 * Recording a citizen's help: a case worker acting for the paying department (as for
 * interventions) who may see the citizen; audited `addProvision` with the write.
 */
export async function authorizeProvision(
  db: Db,
  actor: Actor,
  citizenId: string,
  payingDepartmentIds: readonly string[],
): Promise<void> {
  assertCaseWorker(actor);
  const own = actingDepartments(actor);
  if (own !== null && !payingDepartmentIds.some((d) => own.includes(d))) {
    throw forbidden('Only the paying department or the coordinator records this help.');
  }
  await authorizeCitizenWrite(db, actor, citizenId, 'addProvision');
}

/**
 * Every citizen a case worker may open, with what it may see of each, in a fixed number of
 * queries whatever the caseload's size (a department of thousands). The set-based twin of
 * citizenScope — policy-reach.test.ts checks they agree citizen by citizen. Not audited here:
 * the caller audits the rows it returns, as `citizens` does.
 */
export async function caseloadReach(db: Db, actor: Actor, now: Date): Promise<Map<string, DepartmentScope>> {
  await assertMayReachCitizens(db, actor, [], 'caseload');
  assertCaseWorker(actor);
  const own = actingDepartments(actor);
  const reach = new Map<string, DepartmentScope>();
  if (own === null) {
    const all = await db
      .select({ id: citizen.id })
      .from(citizen)
      .where(and(eq(citizen.municipalityId, actor.municipalityId), isNull(citizen.mergedIntoId)));
    for (const c of all) reach.set(c.id, ALL);
    return reach;
  }
  if (own.length === 0) return reach;
  const cases = await db
    .select({ citizenId: citizenDepartment.citizenId })
    .from(citizenDepartment)
    .where(
      and(
        eq(citizenDepartment.municipalityId, actor.municipalityId),
        inArray(citizenDepartment.departmentId, [...own]),
      ),
    );
  const consents = await activeConsentsTowards(db, actor.municipalityId, own, now);
  const scopeOf = (citizenId: string) => {
    let scope = reach.get(citizenId);
    if (scope?.kind !== 'SOME') {
      scope = { kind: 'SOME', departmentIds: new Set(own) };
      reach.set(citizenId, scope);
    }
    return scope;
  };
  for (const c of cases) scopeOf(c.citizenId);
  for (const c of consents) scopeOf(c.citizenId).departmentIds.add(c.fromDepartmentId);
  return reach;
}

/**
 * Whether a live event about a citizen may reach the actor at all: the same reach as opening
 * the citizen, without an audit (the event carries no data; the read that follows is audited).
 */
export async function mayHearOfCitizen(
  db: Db,
  actor: Actor,
  municipalityId: string,
  citizenId: string,
): Promise<boolean> {
  if (municipalityId !== actor.municipalityId || !caseRoles.has(actor.role)) return false;
  return (await citizenScope(db, actor, citizenId)) !== null;
}

/** The departments whose follow-up the actor's caseload is about; null = the whole municipality. */
export const followUpDepartments = (actor: Actor): readonly string[] | null => actingDepartments(actor);

/** A department's settings (the follow-up interval) are the coordinator's and the administrator's. */
export function assertMayConfigureDepartments(actor: Actor): void {
  if (actor.role !== 'COORDINATOR' && actor.role !== 'ADMIN') {
    throw forbidden(`The ${actor.role} role cannot change a department's settings.`);
  }
}

/**
 * A family member's reminder choices (docs/delivery.md): the person, a parent for a minor child,
 * or a case worker of a department with a case with them, recording what the family asked for.
 * Never a vendor's client, analyst or administrator. Audited as the action, like a write.
 */
export async function authorizeCitizenNotificationChoice(
  db: Db,
  actor: Actor,
  citizenId: string,
  action: string,
): Promise<void> {
  if (actor.role === 'INTEGRATION') throw forbidden('A vendor client cannot change reminder choices.');
  if (personRoles.has(actor.role)) {
    await authorizeCitizenRead(db, actor, citizenId, action);
    return;
  }
  await authorizeCitizenWrite(db, actor, citizenId, action);
}

/**
 * Whose digest choice an actor may see or change: staff their own (the staff record signed in
 * under their subject), an administrator anyone's in the municipality's staff directory.
 */
export function assertMayChooseDigestFor(actor: Actor, own: boolean): void {
  if (own && (actor.role === 'PROFESSIONAL' || actor.role === 'COORDINATOR')) return;
  if (!own && actor.role === 'ADMIN') return;
  throw forbidden(
    own
      ? `The ${actor.role} role receives no digest.`
      : 'Only the person themself or an administrator can change a digest choice.',
  );
}
