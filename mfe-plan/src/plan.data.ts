/** What `helhed-plan` reads from the API, and the few things it derives from it. */

export interface Department {
  id: string;
  kind: string;
  name: string;
}

export interface PlanGoal {
  id: string;
  text: string;
  instrumentKey: string;
  status: 'ACTIVE' | 'ACHIEVED' | 'CLOSED';
  dominant: boolean;
  baseline: number;
  target: number;
  latest: number | null;
  progress: number | null;
  spread: number | null;
  disagreement: boolean;
  departments: Department[];
}

export interface PlanIntervention {
  id: string;
  type: string;
  legalBasis: string;
  startsOn: string;
  endsOn: string | null;
  active: boolean;
  department: Department;
  responsibleProfessional: {
    id: string;
    displayName: string;
    title: string;
    department: { id: string };
  } | null;
  goals: { id: string; text: string }[];
}

export interface ParallelPair {
  first: { id: string; type: string; department: { name: string } };
  second: { id: string; type: string; department: { name: string } };
  sharedGoals: { id: string; text: string }[];
  overlapFrom: string;
  overlapTo: string | null;
}

interface TimelineEntry {
  kind: string;
  goalRating: { goalId: string; raterRole: string; value: number; occurredAt: string } | null;
  measurement: { citizenId: string } | null;
}

export interface Instrument {
  key: string;
  kind: string;
  name: string;
  min: number;
  max: number;
  step: number;
}

export interface PlanData {
  departments: Department[];
  instruments: Instrument[];
  plan: {
    id: string;
    goalAttainmentT: number | null;
    goals: PlanGoal[];
    interventions: PlanIntervention[];
    contactPoints: { professionals: number; departments: number };
    parallelInterventions: ParallelPair[];
    unservedGoals: { id: string }[];
    interventionsWithoutGoal: { id: string }[];
    timeline: TimelineEntry[];
  };
}

const GOAL_FIELDS = `id text instrumentKey status dominant baseline target latest progress spread disagreement
  departments { id kind name }`;

export const PLAN_QUERY = /* GraphQL */ `
  query HelhedPlan($id: ID!, $lang: Language) {
    departments { id kind name }
    instruments { key kind name(lang: $lang) min max step }
    plan(id: $id) {
      id goalAttainmentT
      goals { ${GOAL_FIELDS} }
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
`;

export const ADD_GOAL = /* GraphQL */ `
  mutation HelhedAddGoal($input: AddGoalInput!) { addGoal(input: $input) { id } }
`;
export const UPDATE_GOAL = /* GraphQL */ `
  mutation HelhedUpdateGoal($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }
`;
export const ADD_INTERVENTION = /* GraphQL */ `
  mutation HelhedAddIntervention($input: AddInterventionInput!) { addIntervention(input: $input) { id } }
`;

export interface CitizenProgression {
  id: string;
  displayName: string;
  progression: {
    divergent: boolean;
    series: {
      instrumentKey: string;
      respondentRole: string;
      department: Department;
      classification: string;
      alert: string;
      latest: number | null;
    }[];
  };
}

/** One query for several citizens' progression, each under its own alias (c0, c1, …). */
export function progressionQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$c${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `c${i}: citizen(id: $c${i}) { id displayName progression { divergent
      series { instrumentKey respondentRole department { id kind name } classification alert latest } } }`,
  ).join('\n');
  return `query HelhedPlanProgression(${vars}) { ${fields} }`;
}

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
