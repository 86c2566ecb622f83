/*
 * What a coordinator looks for in one plan (docs/design.md §2): how many professionals and departments
 * the family meets, interventions from different departments doing the same thing at the same
 * time, goals nobody works on, work that serves no goal, and the dominant goal. Pure: dates are
 * calendar days (YYYY-MM-DD), which compare correctly as strings.
 */

/** An intervention as the analysis needs it. */
export interface PlannedIntervention {
  id: string;
  departmentId: string;
  responsibleProfessionalId: string | null;
  startsOn: string;
  /** Inclusive; null = open-ended. */
  endsOn: string | null;
  goalIds: readonly string[];
}

/** A goal as the analysis needs it. */
export interface PlannedGoal {
  id: string;
  status: 'ACTIVE' | 'ACHIEVED' | 'CLOSED';
  dominant: boolean;
}

/** Two interventions of different departments that overlap in time and serve the same goal. */
export interface ParallelPair {
  firstId: string;
  secondId: string;
  sharedGoalIds: string[];
  overlapFrom: string;
  /** Null when both are open-ended. */
  overlapTo: string | null;
}

export interface PlanAnalysis {
  contactPoints: { professionals: number; departments: number };
  parallel: ParallelPair[];
  unservedGoalIds: string[];
  interventionsWithoutGoalIds: string[];
  dominantGoalId: string | null;
}

/** Running on `day`: started and not yet ended (both ends inclusive). */
export const isActiveOn = (iv: Pick<PlannedIntervention, 'startsOn' | 'endsOn'>, day: string): boolean =>
  iv.startsOn <= day && (iv.endsOn === null || iv.endsOn >= day);

/** Not over yet on `day`: running or planned. */
const isCurrentOn = (iv: PlannedIntervention, day: string) => iv.endsOn === null || iv.endsOn >= day;

/** Analyses one plan as of `today` (YYYY-MM-DD). Output order follows input order. */
export function analysePlan(
  goals: readonly PlannedGoal[],
  interventions: readonly PlannedIntervention[],
  today: string,
): PlanAnalysis {
  const active = interventions.filter((iv) => isActiveOn(iv, today));
  const served = new Set(active.flatMap((iv) => iv.goalIds));
  const professionals = new Set(active.flatMap((iv) => iv.responsibleProfessionalId ?? []));
  return {
    contactPoints: {
      professionals: professionals.size,
      departments: new Set(active.map((iv) => iv.departmentId)).size,
    },
    parallel: parallelPairs(goals, interventions, today),
    unservedGoalIds: goals.filter((g) => g.status === 'ACTIVE' && !served.has(g.id)).map((g) => g.id),
    interventionsWithoutGoalIds: interventions
      .filter((iv) => iv.goalIds.length === 0 && isCurrentOn(iv, today))
      .map((iv) => iv.id),
    dominantGoalId: goals.find((g) => g.dominant)?.id ?? null,
  };
}

/**
 * Pairs worth a conversation: different departments, overlapping periods, at least one shared
 * ACTIVE goal, and an overlap that lasts until `today` or later (a finished overlap is history).
 */
export function parallelPairs(
  goals: readonly PlannedGoal[],
  interventions: readonly PlannedIntervention[],
  today: string,
): ParallelPair[] {
  const activeGoals = new Set(goals.filter((g) => g.status === 'ACTIVE').map((g) => g.id));
  const pairs: ParallelPair[] = [];
  interventions.forEach((a, i) => {
    for (const b of interventions.slice(i + 1)) {
      if (a.departmentId === b.departmentId) continue;
      const sharedGoalIds = a.goalIds.filter((g) => activeGoals.has(g) && b.goalIds.includes(g));
      if (sharedGoalIds.length === 0) continue;
      const overlapFrom = [a.startsOn, b.startsOn].sort()[1] as string;
      const overlapTo = earlierEnd(a.endsOn, b.endsOn);
      if (overlapTo !== null && (overlapTo < overlapFrom || overlapTo < today)) continue;
      pairs.push({ firstId: a.id, secondId: b.id, sharedGoalIds, overlapFrom, overlapTo });
    }
  });
  return pairs;
}

function earlierEnd(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
