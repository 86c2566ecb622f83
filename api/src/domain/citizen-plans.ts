import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { family, familyMember, plan } from '../db/tables.js';

export interface PlanRef {
  id: string;
  /** The family's name for a family plan; null for the citizen's own plan. */
  familyName: string | null;
}

/**
 * The plans a citizen takes part in: their own and their families'. Only references: opening
 * a plan goes through the plan's own access check.
 */
export async function citizenPlans(db: Db, citizenId: string): Promise<PlanRef[]> {
  const families = db
    .select({ id: familyMember.familyId })
    .from(familyMember)
    .where(eq(familyMember.citizenId, citizenId));
  return await db
    .select({ id: plan.id, familyName: family.name })
    .from(plan)
    .leftJoin(family, eq(family.id, plan.familyId))
    .where(or(eq(plan.citizenId, citizenId), inArray(plan.familyId, families)))
    .orderBy(asc(plan.createdAt));
}
