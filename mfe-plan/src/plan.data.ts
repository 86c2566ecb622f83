/** What `helhed-plan` reads from the API, and the few things it derives from it. */
import { graphql } from './gql/gql.js';
import type { HelhedPlanCitizenProgressionQuery, HelhedPlanQuery } from './gql/graphql.js';

export const PLAN_QUERY = graphql(`
  query HelhedPlan($id: ID!, $lang: Language) {
    departments { id kind name }
    instruments { key kind name(lang: $lang) min max step }
    plan(id: $id) {
      id goalAttainmentT
      goals {
        id text instrumentKey status dominant baseline target latest progress spread disagreement
        departments { id kind name }
      }
      interventions {
        id type legalBasis startsOn endsOn active
        department { id kind name }
        responsibleProfessional { id displayName title department { id } }
        goals { id text }
      }
      contactPoints { professionals departments }
      parallelInterventions {
        first { id type department { name } }
        second { id type department { name } }
        sharedGoals { id text }
        overlapFrom overlapTo
      }
      unservedGoals { id }
      interventionsWithoutGoal { id }
      timeline(limit: 200) {
        kind
        goalRating { goalId raterRole value occurredAt }
        measurement { citizenId }
      }
    }
  }
`);

export const ADD_GOAL = graphql(`
  mutation HelhedAddGoal($input: AddGoalInput!) { addGoal(input: $input) { id } }
`);
export const UPDATE_GOAL = graphql(`
  mutation HelhedUpdateGoal($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }
`);
export const ADD_INTERVENTION = graphql(`
  mutation HelhedAddIntervention($input: AddInterventionInput!) { addIntervention(input: $input) { id } }
`);

/** One citizen's progression; the plan asks for each measured citizen on its own. */
export const CITIZEN_PROGRESSION_QUERY = graphql(`
  query HelhedPlanCitizenProgression($id: ID!) {
    citizen(id: $id) {
      id displayName
      progression {
        divergent
        series { instrumentKey respondentRole department { id kind name } classification alert latest }
      }
    }
  }
`);

/** The plan's answer, as the generator types it from the schema. */
export type PlanData = HelhedPlanQuery;
export type Department = PlanData['departments'][number];
export type Instrument = PlanData['instruments'][number];
export type PlanGoal = PlanData['plan']['goals'][number];
export type PlanIntervention = PlanData['plan']['interventions'][number];
export type ParallelPair = PlanData['plan']['parallelInterventions'][number];
export type CitizenProgression = NonNullable<HelhedPlanCitizenProgressionQuery['citizen']>;

/**
 * The goal's value over time as the API defines its latest value: after each rating, the mean
 * of every rater role's most recent rating so far.
 */
export function goalTrend(data: PlanData, goalId: string): number[] {
  const ratings = data.plan.timeline
    .flatMap((e) => (e.goalRating && e.goalRating.goalId === goalId ? [e.goalRating] : []))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const byRole = new Map<string, number>();
  const trend: number[] = [];
  for (const r of ratings) {
    byRole.set(r.raterRole, r.value);
    const values = [...byRole.values()];
    trend.push(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return trend;
}

/** Citizens the plan's timeline shows measurements of, in order of first appearance. */
export function measuredCitizens(data: PlanData): string[] {
  return [...new Set(data.plan.timeline.flatMap((e) => (e.measurement ? [e.measurement.citizenId] : [])))];
}

/** Interventions grouped by department, departments in the order they first appear. */
export function byDepartment(interventions: PlanIntervention[]): [Department, PlanIntervention[]][] {
  const groups = new Map<string, [Department, PlanIntervention[]]>();
  for (const iv of interventions) {
    const group = groups.get(iv.department.id) ?? [iv.department, []];
    group[1].push(iv);
    groups.set(iv.department.id, group);
  }
  return [...groups.values()];
}
