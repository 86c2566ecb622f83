import type { Goal, GoalRating, Plan } from '../db/schema/index.js';
import { copenhagenDate } from '../domain/calendar.js';
import type { InstrumentDefinition } from '../domain/instruments/index.js';
import { fromTenths, goalLatest } from '../domain/scoring/index.js';
import { extensions, identifierSystems, itemCode, scoreUnit, systems } from './codes.js';
import { fhirId } from './ids.js';
import type { CarePlan, CodeableConcept, Goal as FhirGoal, Reference } from './resources.js';

const score = (tenths: number) => ({ ...scoreUnit, value: fromTenths(tenths) });
const achievement = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: systems.goalAchievement, code, display }],
});

/**
 * Where a goal stands, in HL7's goal-achievement codes: from its status, and for an active goal
 * from the mean of the rater roles' latest ratings (docs/design.md §4) against baseline and target.
 */
export function achievementOf(goal: Goal, ratings: readonly GoalRating[]): CodeableConcept {
  if (goal.status === 'ACHIEVED') return achievement('achieved', 'Achieved');
  const { latest } = goalLatest(
    ratings.map((r) => ({ raterRole: r.raterRole, value: r.value, occurredAt: r.occurredAt.toISOString() })),
  );
  const up = goal.target > goal.baseline;
  const reached = latest !== null && (up ? latest >= goal.target : latest <= goal.target);
  if (goal.status === 'CLOSED') {
    return reached ? achievement('achieved', 'Achieved') : achievement('not-achieved', 'Not Achieved');
  }
  if (latest === null) return achievement('in-progress', 'In Progress');
  if (reached) return achievement('achieved', 'Achieved');
  if (latest === goal.baseline) return achievement('no-change', 'No Change');
  return latest > goal.baseline === up
    ? achievement('improving', 'Improving')
    : achievement('worsening', 'Worsening');
}

export interface GoalParts {
  goal: Goal;
  ratings: GoalRating[];
  departmentIds: string[];
  definition: InstrumentDefinition;
  subject: Reference;
  ratingObservationIds: string[];
}

/** A goal in the citizen's own words, with its target, baseline, weight and owner departments. */
export function goalOf(parts: GoalParts): FhirGoal {
  const { goal, definition } = parts;
  const item = definition.items[0];
  return {
    resourceType: 'Goal',
    id: fhirId('goal', goal.id),
    extension: [
      { url: extensions.goalBaseline, valueQuantity: score(goal.baseline) },
      { url: extensions.goalWeight, valueDecimal: goal.weight },
      ...parts.departmentIds.map((id) => ({
        url: extensions.goalOwnerDepartment,
        valueReference: { reference: `Organization/${fhirId('department', id)}` },
      })),
    ],
    identifier: [{ system: identifierSystems.goal, value: goal.id }],
    lifecycleStatus: goal.status === 'ACTIVE' ? 'active' : 'completed',
    achievementStatus: achievementOf(goal, parts.ratings),
    ...(goal.dominant
      ? {
          priority: {
            coding: [{ system: systems.goalPriority, code: 'high-priority', display: 'High Priority' }],
          },
        }
      : {}),
    description: { text: goal.text },
    subject: parts.subject,
    startDate: copenhagenDate(goal.createdAt),
    target: [
      {
        measure: {
          coding: [
            { system: systems.instrumentItem, code: itemCode(definition.key, item?.key ?? 'goal') },
            { system: systems.instrument, code: definition.key, display: definition.name.en },
          ],
        },
        detailQuantity: score(goal.target),
      },
    ],
    ...(parts.ratingObservationIds.length
      ? { outcomeReference: parts.ratingObservationIds.map((id) => ({ reference: `Observation/${id}` })) }
      : {}),
  };
}

/** The plan as a CarePlan that lists its goals. */
export function carePlanOf(plan: Plan, subject: Reference, goalIds: readonly string[]): CarePlan {
  return {
    resourceType: 'CarePlan',
    id: fhirId('plan', plan.id),
    identifier: [{ system: identifierSystems.plan, value: plan.id }],
    status: 'active',
    intent: 'plan',
    subject,
    created: plan.createdAt.toISOString(),
    goal: goalIds.map((id) => ({ reference: `Goal/${fhirId('goal', id)}` })),
  };
}
