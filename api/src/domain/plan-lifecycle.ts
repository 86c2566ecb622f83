import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { assertCaseWorker, authorizePlanRead } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Plan } from '../db/schema/index.js';
import { plan, professional } from '../db/tables.js';
import { badInput, conflict } from './errors.js';
import { isUniqueViolation } from './registration.js';

/** Whose plan: a citizen's own or a family's. */
export type PlanOwner = { citizenId: string; familyId?: null } | { familyId: string; citizenId?: null };

/** The active (not closed) plan of the citizen or family, if any. */
export async function activePlanOf(
  db: Db,
  municipalityId: string,
  owner: PlanOwner,
): Promise<Plan | undefined> {
  const whose = owner.citizenId
    ? eq(plan.citizenId, owner.citizenId)
    : eq(plan.familyId, owner.familyId ?? '');
  return (
    await db
      .select()
      .from(plan)
      .where(and(eq(plan.municipalityId, municipalityId), whose, isNull(plan.closedAt)))
  )[0];
}

/** CONFLICT naming the plan that is already active, so a client can open it instead. */
export function secondPlan(owner: PlanOwner, existing: Pick<Plan, 'id'> | undefined) {
  const field = owner.citizenId ? 'citizenId' : 'familyId';
  return conflict(
    `There is already an active plan for this ${owner.citizenId ? 'citizen' : 'family'}: one plan.`,
    {
      field,
      planId: existing?.id ?? null,
    },
  );
}

/**
 * Turns the database's refusal of a second active plan (two requests at the same moment, past the
 * check) into the same CONFLICT as the check gives.
 */
export async function asSecondPlan(db: Db, municipalityId: string, owner: PlanOwner, error: unknown) {
  if (!isUniqueViolation(error)) return error;
  return secondPlan(owner, await activePlanOf(db, municipalityId, owner));
}

/** BAD_USER_INPUT unless the coordinator is a professional of the actor's municipality. */
export async function assertCoordinator(db: Db, actor: Actor, professionalId: string, field: string) {
  const found = (
    await db
      .select({ id: professional.id })
      .from(professional)
      .where(and(eq(professional.id, professionalId), eq(professional.municipalityId, actor.municipalityId)))
  )[0];
  if (!found) throw badInput('Unknown professional.', field);
}

/** Names (or changes) the plan's coordinator, the family's one contact person. Audited. */
export async function setPlanCoordinator(
  db: Db,
  actor: Actor,
  input: { planId: string; coordinatorId: string },
  now: Date,
): Promise<Plan> {
  assertCaseWorker(actor);
  // Checked before the plan is opened, so a refused request leaves no ALLOWED read in the audit.
  await assertCoordinator(db, actor, input.coordinatorId, 'coordinatorId');
  const current = await authorizePlanRead(db, actor, input.planId, 'setPlanCoordinator');
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .update(plan)
        .set({ coordinatorId: input.coordinatorId })
        .where(eq(plan.id, current.id))
        .returning(),
    );
    await recordAudit(
      tx,
      actor,
      { citizenId: row.citizenId, action: 'setPlanCoordinator', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/** Closes the plan, so the citizen or family may get a new one. A closed plan stays readable. */
export async function closePlan(db: Db, actor: Actor, planId: string, now: Date): Promise<Plan> {
  assertCaseWorker(actor);
  const current = await authorizePlanRead(db, actor, planId, 'closePlan');
  if (current.closedAt) throw conflict('The plan is already closed.');
  return db.transaction(async (tx) => {
    const row = single(
      await tx.update(plan).set({ closedAt: now }).where(eq(plan.id, current.id)).returning(),
    );
    await recordAudit(tx, actor, { citizenId: row.citizenId, action: 'closePlan', outcome: 'ALLOWED' }, now);
    return row;
  });
}
