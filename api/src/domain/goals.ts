import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { planAuditCitizen } from '../access/plan-members.js';
import { assertCaseWorker, assertMayChangeGoal, authorizePlanWrite } from '../access/policy.js';
import type { Db } from '../db/client.js';
import type { Goal, GoalStatus } from '../db/schema/index.js';
import { goal } from '../db/tables.js';
import { badInput, notFound } from './errors.js';

export interface GoalChange {
  goalId: string;
  status?: GoalStatus | null | undefined;
  dominant?: boolean | null | undefined;
  text?: string | null | undefined;
}

/**
 * Changes a goal's status, text or dominance. A professional may change goals their department
 * owns; a coordinator any goal of the plan. Making a goal dominant releases the plan's previous
 * dominant goal in the same transaction (a unique index backs this up); a goal that is no longer
 * ACTIVE cannot stay or become dominant.
 */
export async function updateGoal(db: Db, actor: Actor, change: GoalChange, now: Date): Promise<Goal> {
  assertCaseWorker(actor);
  const current = (
    await db
      .select()
      .from(goal)
      .where(and(eq(goal.id, change.goalId), eq(goal.municipalityId, actor.municipalityId)))
  )[0];
  if (!current) throw notFound('Goal');
  const owner = await authorizePlanWrite(db, actor, current.planId, 'updateGoal');
  await assertMayChangeGoal(db, actor, current.id);
  const status = change.status ?? current.status;
  if (change.dominant === true && status !== 'ACTIVE') {
    throw badInput('Only an ACTIVE goal can be dominant.', 'dominant');
  }
  const dominant = status === 'ACTIVE' ? (change.dominant ?? current.dominant) : false;
  return db.transaction(async (tx) => {
    if (dominant && !current.dominant) {
      await tx
        .update(goal)
        .set({ dominant: false })
        .where(and(eq(goal.planId, current.planId), ne(goal.id, current.id), eq(goal.dominant, true)));
    }
    const row = (
      await tx
        .update(goal)
        .set({ status, dominant, text: change.text ?? current.text })
        .where(eq(goal.id, current.id))
        .returning()
    )[0];
    if (!row) throw notFound('Goal');
    await recordAudit(
      tx,
      actor,
      {
        citizenId: current.subjectCitizenId ?? (await planAuditCitizen(tx, owner)),
        action: 'updateGoal',
        outcome: 'ALLOWED',
      },
      now,
    );
    return row;
  });
}
