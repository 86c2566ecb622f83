import type { Db } from '../db/client.js';
import type { Goal } from '../db/schema/index.js';
import { planGoals } from '../domain/plans.js';
import { goalLatest } from '../domain/scoring/index.js';

/** A goal with what the plan view derives from its ratings (numbers in tenths). */
export interface GoalView {
  goal: Goal;
  departmentIds: string[];
  latest: number | null;
  spread: number | null;
  disagreement: boolean;
}

/** The goals of one plan as the Goal type resolves them. */
export async function goalViewsOf(db: Db, planId: string): Promise<GoalView[]> {
  return (await planGoals(db, planId)).map(({ goal, ratings, departmentIds }) => {
    const summary = goalLatest(
      ratings.map((r) => ({
        raterRole: r.raterRole,
        value: r.value,
        occurredAt: r.occurredAt.toISOString(),
      })),
    );
    return {
      goal,
      departmentIds,
      latest: summary.latest,
      spread: summary.spread,
      disagreement: summary.flagged,
    };
  });
}
