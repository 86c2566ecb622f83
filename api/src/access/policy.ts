import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { citizen, familyMember } from '../db/schema/index.js';
import { forbidden, notFound } from '../graphql/errors.js';
import type { Actor, Role } from './actor.js';
import { recordAudit } from './audit.js';
import { departmentsVisibleTo } from './consent.js';

/** Which departments' records of a citizen an actor may see: a set, or every department. */
export type DepartmentScope = { kind: 'ALL' } | { kind: 'SOME'; departmentIds: Set<string> };

const caseRoles: ReadonlySet<Role> = new Set(['PROFESSIONAL', 'COORDINATOR', 'INTEGRATION']);

/** True when the citizen is the actor or one of the actor's children (same family, actor a parent). */
function isSelfOrChild(db: Db, actor: Actor, citizenId: string): boolean {
  if (actor.citizenId === null) return false;
  if (actor.citizenId === citizenId) return true;
  if (actor.role !== 'PARENT') return false;
  const families = db
    .select({ familyId: familyMember.familyId })
    .from(familyMember)
    .where(and(eq(familyMember.citizenId, actor.citizenId), eq(familyMember.role, 'PARENT')))
    .all();
  return families.some(
    (f) =>
      db
        .select({ c: familyMember.citizenId })
        .from(familyMember)
        .where(and(eq(familyMember.familyId, f.familyId), eq(familyMember.citizenId, citizenId)))
        .get() !== undefined,
  );
}

/**
 * The one gate for reading a citizen's data. Audits the attempt either way. A citizen outside
 * the actor's reach is reported as not found, so its existence never leaks.
 */
export function authorizeCitizenRead(
  db: Db,
  actor: Actor,
  citizenId: string,
  action: string,
): DepartmentScope {
  const row = db
    .select({ id: citizen.id })
    .from(citizen)
    .where(and(eq(citizen.id, citizenId), eq(citizen.municipalityId, actor.municipalityId)))
    .get();
  const scope = row ? scopeFor(db, actor, citizenId) : null;
  if (row) recordAudit(db, actor, { citizenId, action, outcome: scope ? 'ALLOWED' : 'DENIED' });
  if (!scope) throw notFound('Citizen');
  return scope;
}

function scopeFor(db: Db, actor: Actor, citizenId: string): DepartmentScope | null {
  if (actor.role === 'PARENT' || actor.role === 'CITIZEN') {
    return isSelfOrChild(db, actor, citizenId) ? { kind: 'ALL' } : null;
  }
  if (!caseRoles.has(actor.role)) return null;
  if (actor.role === 'PROFESSIONAL') {
    if (!actor.departmentId) return null;
    return {
      kind: 'SOME',
      departmentIds: departmentsVisibleTo(db, actor.municipalityId, citizenId, actor.departmentId),
    };
  }
  return { kind: 'ALL' };
}

/** The departments an actor may record measurements for. */
export function assertMayRecordFor(actor: Actor, departmentId: string): void {
  if (actor.role === 'PROFESSIONAL' && actor.departmentId === departmentId) return;
  if (actor.role === 'INTEGRATION' || actor.role === 'COORDINATOR') return;
  throw forbidden('You can only record measurements for your own department.');
}

/** Roles that work with citizens' cases, as opposed to statistics or tenant configuration. */
export function assertCaseWorker(actor: Actor): void {
  if (!caseRoles.has(actor.role)) throw forbidden(`The ${actor.role} role cannot do this.`);
}

export const scopeAllows = (scope: DepartmentScope, departmentId: string) =>
  scope.kind === 'ALL' || scope.departmentIds.has(departmentId);
