import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { planAuditCitizen } from '../access/plan-members.js';
import { assertActsFor, authorizePlanWrite } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Intervention } from '../db/schema/index.js';
import { department, goal, intervention, interventionGoal, professional } from '../db/tables.js';
import { badInput } from './errors.js';

/** An intervention with the goals it serves. */
export type InterventionWithGoals = Intervention & { goalIds: string[] };

export interface NewIntervention {
  planId: string;
  departmentId: string;
  type: string;
  legalBasis: string;
  startsOn: string;
  endsOn?: string | null | undefined;
  responsibleProfessionalId?: string | null | undefined;
  goalIds: string[];
  yearlyCost?: number | null | undefined;
}

/** The goals an intervention serves, once each; BAD_USER_INPUT unless every one is the plan's. */
async function goalsOfPlan(db: Db, planId: string, wanted: readonly string[]): Promise<string[]> {
  const goalIds = [...new Set(wanted)];
  const ofPlan = goalIds.length
    ? await db
        .select({ id: goal.id })
        .from(goal)
        .where(and(eq(goal.planId, planId), inArray(goal.id, goalIds)))
    : [];
  if (ofPlan.length !== goalIds.length) throw badInput('Every goal must belong to the plan.', 'goalIds');
  return goalIds;
}

/**
 * Adds what a department does for a plan. A professional adds their own department's
 * interventions only; the responsible professional must work in that department and every goal
 * must belong to the plan.
 */
export async function addIntervention(
  db: Db,
  actor: Actor,
  input: NewIntervention,
  now: Date,
): Promise<InterventionWithGoals> {
  assertActsFor(actor, input.departmentId);
  const owner = await authorizePlanWrite(db, actor, input.planId, 'addIntervention');
  const dept = (
    await db
      .select({ id: department.id })
      .from(department)
      .where(and(eq(department.id, input.departmentId), eq(department.municipalityId, actor.municipalityId)))
  )[0];
  if (!dept) throw badInput('Unknown department.', 'departmentId');
  if (input.responsibleProfessionalId) {
    const person = (
      await db
        .select({ departmentId: professional.departmentId })
        .from(professional)
        .where(
          and(
            eq(professional.id, input.responsibleProfessionalId),
            eq(professional.municipalityId, actor.municipalityId),
          ),
        )
    )[0];
    if (person?.departmentId !== input.departmentId) {
      throw badInput(
        'The responsible professional must work in the intervention’s department.',
        'responsibleProfessionalId',
      );
    }
  }
  const goalIds = await goalsOfPlan(db, owner.id, input.goalIds);
  const stored = {
    municipalityId: actor.municipalityId,
    planId: owner.id,
    departmentId: input.departmentId,
    type: input.type,
    legalBasis: input.legalBasis,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    responsibleProfessionalId: input.responsibleProfessionalId ?? null,
    yearlyCost: input.yearlyCost ?? null,
  };
  return db.transaction(async (tx) => {
    const row = single(await tx.insert(intervention).values(stored).returning());
    if (goalIds.length) {
      await tx.insert(interventionGoal).values(goalIds.map((goalId) => ({ interventionId: row.id, goalId })));
    }
    await recordAudit(
      tx,
      actor,
      { citizenId: await planAuditCitizen(tx, owner), action: 'addIntervention', outcome: 'ALLOWED' },
      now,
    );
    return { ...row, goalIds };
  });
}

/** A plan's interventions with their goals, for many plans in two queries. */
export async function interventionsOfPlans(
  db: Db,
  planIds: readonly string[],
): Promise<InterventionWithGoals[]> {
  if (planIds.length === 0) return [];
  const rows = await db
    .select()
    .from(intervention)
    .where(inArray(intervention.planId, [...planIds]))
    .orderBy(intervention.startsOn, intervention.id);
  const links = rows.length
    ? await db
        .select()
        .from(interventionGoal)
        .where(
          inArray(
            interventionGoal.interventionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    goalIds: links.filter((l) => l.interventionId === r.id).map((l) => l.goalId),
  }));
}
