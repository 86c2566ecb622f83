import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { assertCaseWorker, authorizeCitizenRead, registeringDepartments } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import type { Citizen } from '../db/schema/index.js';
import { citizen, citizenDepartment, citizenExternalRef } from '../db/tables.js';
import { conflict } from './errors.js';

export interface ExternalRef {
  system: string;
  value: string;
}

export interface NewCitizen {
  displayName: string;
  birthYear: number;
  externalRef?: ExternalRef | null | undefined;
}

/** A citizen's record, through the read gate (audited; out of reach is NOT_FOUND). */
export async function readCitizen(
  db: Db,
  actor: Actor,
  id: string,
  action: string,
): Promise<Citizen | undefined> {
  await authorizeCitizenRead(db, actor, id, action);
  const byId = prepared(db, 'citizen-by-id', (on) =>
    on
      .select()
      .from(citizen)
      .where(eq(citizen.id, sql.placeholder('id')))
      .prepare(),
  );
  return (await byId.execute({ id }))[0];
}

/**
 * Citizens by id, unaudited: for naming the people of a plan or an invitation the caller has
 * already opened through the gate.
 */
export async function citizensByIds(db: Db, ids: readonly string[]): Promise<Citizen[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(citizen)
    .where(inArray(citizen.id, [...ids]));
}

/** Registers a citizen in the actor's municipality, audited in the same transaction. */
export async function createCitizen(db: Db, actor: Actor, input: NewCitizen, now: Date): Promise<Citizen> {
  assertCaseWorker(actor);
  return db.transaction(async (tx) => {
    const row = await insertCitizen(tx, actor, input, null, now);
    await recordAudit(tx, actor, { citizenId: row.id, action: 'createCitizen', outcome: 'ALLOWED' }, now);
    return row;
  });
}

/**
 * Inserts the citizen with its external reference and opens the registering department's case.
 * The caller runs it in its transaction and audits.
 */
export async function insertCitizen(
  tx: Db,
  actor: Actor,
  input: NewCitizen,
  cprHash: string | null,
  now: Date,
): Promise<Citizen> {
  if (input.externalRef) await assertReferenceFree(tx, actor, input.externalRef, null);
  const row = single(
    await tx
      .insert(citizen)
      .values({
        municipalityId: actor.municipalityId,
        displayName: input.displayName,
        birthYear: input.birthYear,
        createdAt: now,
        cprHash,
      })
      .returning(),
  );
  if (input.externalRef) await linkReference(tx, actor, row.id, input.externalRef);
  await openCases(tx, actor, row.id, now);
  return row;
}

/** The citizen a case system's reference names in the municipality, if any. */
export async function citizenByReference(
  db: Db,
  municipalityId: string,
  ref: ExternalRef,
): Promise<{ id: string } | undefined> {
  return (
    await db
      .select({ id: citizenExternalRef.citizenId })
      .from(citizenExternalRef)
      .where(
        and(
          eq(citizenExternalRef.municipalityId, municipalityId),
          eq(citizenExternalRef.system, ref.system),
          eq(citizenExternalRef.value, ref.value),
        ),
      )
  )[0];
}

/** CONFLICT when another citizen holds the case system's reference; the same citizen is fine. */
export async function assertReferenceFree(
  tx: Db,
  actor: Actor,
  ref: ExternalRef,
  citizenId: string | null,
): Promise<void> {
  const taken = await citizenByReference(tx, actor.municipalityId, ref);
  if (taken && taken.id !== citizenId) {
    throw conflict(`A citizen with ${ref.system} reference ${ref.value} already exists.`);
  }
}

/** Links the case system's reference to the citizen; a reference the citizen already has is kept. */
export async function linkReference(
  tx: Db,
  actor: Actor,
  citizenId: string,
  ref: ExternalRef,
): Promise<void> {
  await tx
    .insert(citizenExternalRef)
    .values({ citizenId, municipalityId: actor.municipalityId, ...ref })
    .onConflictDoNothing();
}

/**
 * Registering opens the department's case: its professionals may see the citizen from now on.
 * A case the department already has stays as it was.
 */
export async function openCases(tx: Db, actor: Actor, citizenId: string, now: Date): Promise<void> {
  const departments = registeringDepartments(actor);
  if (departments.length === 0) return;
  await tx
    .insert(citizenDepartment)
    .values(
      departments.map((departmentId) => ({
        citizenId,
        departmentId,
        municipalityId: actor.municipalityId,
        reason: 'REGISTERED' as const,
        since: now,
      })),
    )
    .onConflictDoNothing();
}
