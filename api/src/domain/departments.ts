import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { assertAdministrator } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Department, DepartmentKind } from '../db/schema/index.js';
import { department } from '../db/tables.js';
import { conflict, notFound } from './errors.js';
import { isUniqueViolation } from './registration.js';

/** The administrator's changes to the municipality's departments, each audited with its purpose. */

export async function createDepartment(
  db: Db,
  actor: Actor,
  input: { name: string; kind: DepartmentKind },
  now: Date,
): Promise<Department> {
  assertAdministrator(actor);
  await assertNameFree(db, actor, input.name, null);
  return uniquely(input.name, () =>
    db.transaction(async (tx) => {
      const row = single(
        await tx
          .insert(department)
          .values({ municipalityId: actor.municipalityId, name: input.name, kind: input.kind })
          .returning(),
      );
      await recordAudit(tx, actor, { citizenId: null, action: 'createDepartment', outcome: 'ALLOWED' }, now);
      return row;
    }),
  );
}

export async function renameDepartment(
  db: Db,
  actor: Actor,
  input: { id: string; name: string; kind?: DepartmentKind | null | undefined },
  now: Date,
): Promise<Department> {
  assertAdministrator(actor);
  const current = await departmentOf(db, actor, input.id);
  await assertNameFree(db, actor, input.name, current.id);
  return uniquely(input.name, () =>
    db.transaction(async (tx) => {
      const row = single(
        await tx
          .update(department)
          .set({ name: input.name, kind: input.kind ?? current.kind })
          .where(eq(department.id, current.id))
          .returning(),
      );
      await recordAudit(tx, actor, { citizenId: null, action: 'renameDepartment', outcome: 'ALLOWED' }, now);
      return row;
    }),
  );
}

/** A retired department keeps its cases and history for the record; it takes no new work. */
export async function retireDepartment(db: Db, actor: Actor, id: string, now: Date): Promise<Department> {
  assertAdministrator(actor);
  const current = await departmentOf(db, actor, id);
  if (current.retiredAt) throw conflict('The department is already retired.');
  return db.transaction(async (tx) => {
    const row = single(
      await tx.update(department).set({ retiredAt: now }).where(eq(department.id, current.id)).returning(),
    );
    await recordAudit(tx, actor, { citizenId: null, action: 'retireDepartment', outcome: 'ALLOWED' }, now);
    return row;
  });
}

/** The municipality's departments by kind and name. */
export const departmentsOf = (db: Db, municipalityId: string): Promise<Department[]> =>
  db
    .select()
    .from(department)
    .where(eq(department.municipalityId, municipalityId))
    .orderBy(asc(department.kind), asc(department.name));

/** Departments by id: municipal configuration, no citizen data, so unaudited. */
export const departmentsByIds = (db: Db, ids: readonly string[]): Promise<Department[]> =>
  db
    .select()
    .from(department)
    .where(inArray(department.id, [...ids]));

/** The department in the actor's municipality, or NOT_FOUND. */
export async function departmentOf(db: Db, actor: Actor, id: string): Promise<Department> {
  const row = (
    await db
      .select()
      .from(department)
      .where(and(eq(department.id, id), eq(department.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw notFound('Department');
  return row;
}

const duplicateName = (name: string) =>
  conflict(`A department named "${name}" already exists.`, { field: 'name' });

async function assertNameFree(db: Db, actor: Actor, name: string, self: string | null): Promise<void> {
  const taken = (
    await db
      .select({ id: department.id })
      .from(department)
      .where(and(eq(department.municipalityId, actor.municipalityId), eq(department.name, name)))
  )[0];
  if (taken && taken.id !== self) throw duplicateName(name);
}

/** The unique name index answers a race past the check with the same CONFLICT. */
async function uniquely<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateName(name) : error;
  }
}
