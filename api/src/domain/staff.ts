import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { assertAdministrator, assertMayReadStaffDirectory } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Professional } from '../db/schema/index.js';
import { professional } from '../db/tables.js';
import { departmentOf } from './departments.js';
import { badInput, conflict, notFound } from './errors.js';

/**
 * The staff directory: who works in which department, so an intervention names a real
 * responsible person. Listing it is for every staff role; changing it for the administrator.
 */

export interface StaffMember {
  departmentId: string;
  displayName: string;
  title: string;
  /** The work e-mail a first sign-in is matched on (staff-sign-in.ts). */
  email?: string | undefined;
}

export async function addProfessional(
  db: Db,
  actor: Actor,
  input: StaffMember,
  now: Date,
): Promise<Professional> {
  assertAdministrator(actor);
  await assertOpenDepartment(db, actor, input.departmentId);
  return db.transaction(async (tx) => {
    if (input.email) {
      const taken = await staffWithEmail(tx, actor.municipalityId, input.email);
      if (taken)
        throw conflict('Another staff member has that e-mail.', { field: 'email', professionalId: taken.id });
    }
    const row = single(
      await tx
        .insert(professional)
        .values({ municipalityId: actor.municipalityId, ...input })
        .returning(),
    );
    await recordAudit(tx, actor, { citizenId: null, action: 'addProfessional', outcome: 'ALLOWED' }, now);
    return row;
  });
}

export async function updateProfessional(
  db: Db,
  actor: Actor,
  input: { id: string } & Partial<StaffMember>,
  now: Date,
): Promise<Professional> {
  assertAdministrator(actor);
  const current = (
    await db
      .select()
      .from(professional)
      .where(and(eq(professional.id, input.id), eq(professional.municipalityId, actor.municipalityId)))
  )[0];
  if (!current) throw notFound('Professional');
  if (input.departmentId && input.departmentId !== current.departmentId) {
    await assertOpenDepartment(db, actor, input.departmentId);
  }
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .update(professional)
        .set({
          departmentId: input.departmentId ?? current.departmentId,
          displayName: input.displayName ?? current.displayName,
          title: input.title ?? current.title,
        })
        .where(eq(professional.id, current.id))
        .returning(),
    );
    await recordAudit(tx, actor, { citizenId: null, action: 'updateProfessional', outcome: 'ALLOWED' }, now);
    return row;
  });
}

/** A department's staff (or the municipality's), by name. Staff data, not citizens' data. */
export function listProfessionals(
  db: Db,
  actor: Actor,
  departmentId: string | null,
): Promise<Professional[]> {
  assertMayReadStaffDirectory(actor);
  const inTenant = eq(professional.municipalityId, actor.municipalityId);
  return db
    .select()
    .from(professional)
    .where(departmentId ? and(inTenant, eq(professional.departmentId, departmentId)) : inTenant)
    .orderBy(asc(professional.displayName));
}

async function assertOpenDepartment(db: Db, actor: Actor, departmentId: string): Promise<void> {
  const found = await departmentOf(db, actor, departmentId).catch(() => null);
  if (!found) throw badInput('Unknown department.', 'departmentId');
  if (found.retiredAt)
    throw conflict('The department is retired: it takes no new staff.', { field: 'departmentId' });
}

/** The municipality's staff record with this e-mail, compared without regard to case. */
export async function staffWithEmail(
  db: Db,
  municipalityId: string,
  email: string,
): Promise<Professional | undefined> {
  return (
    await db
      .select()
      .from(professional)
      .where(
        and(
          eq(professional.municipalityId, municipalityId),
          sql`lower(${professional.email}) = ${email.toLowerCase()}`,
        ),
      )
      .limit(1)
  )[0];
}

/** Professionals by id, as an intervention or a plan names them. */
export const professionalsByIds = (db: Db, ids: readonly string[]): Promise<Professional[]> =>
  db
    .select()
    .from(professional)
    .where(inArray(professional.id, [...ids]));
