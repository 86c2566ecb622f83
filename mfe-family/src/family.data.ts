/** What the family page reads and writes, and the pure shaping of it for the screen. */
import { graphql } from './gql/gql.js';
import type {
  FamilyAccessLogQuery,
  FamilyPeopleQuery,
  FamilyPersonQuery,
  FamilyPlanQuery,
} from './gql/graphql.js';

export const PEOPLE_QUERY = graphql(`
  query FamilyPeople { citizens { id displayName birthYear } }
`);

export const PERSON_QUERY = graphql(`
  query FamilyPerson($id: ID!, $lang: Language) {
    departments { id name }
    instruments { key name(lang: $lang) min max step }
    citizen(id: $id) { id displayName plans { id }
      consents { id fromDepartment { id name } toDepartment { id name } purpose status grantedAt revokedAt }
      timeline(limit: 100) { kind at
        measurement { id instrumentKey total outsideMeeting respondentRole }
        goalRating { id goalId raterRole value outsideMeeting } } } }
`);

export const PLAN_QUERY = graphql(`
  query FamilyPlan($id: ID!) { plan(id: $id) { id
    goals { id text instrumentKey status spread disagreement subject { id displayName } }
    timeline(limit: 200) { kind goalRating { goalId raterRole value occurredAt outsideMeeting } } } }
`);

export const ACCESS_LOG_QUERY = graphql(`
  query FamilyAccessLog($id: ID!) { citizen(id: $id) { id
    accessLog(limit: 100) { at actorRole department purpose outcome } } }
`);

export const RATE = graphql(
  `mutation FamilyRate($input: RateGoalInput!) { rateGoal(input: $input) { id outsideMeeting } }`,
);
export const GRANT = graphql(
  `mutation FamilyGrant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
);
export const REVOKE = graphql(`
  mutation FamilyRevoke($id: ID!) { revokeConsent(id: $id) { id status } }
`);

/** The answers, as the generator types them from the schema. */
export type PersonData = FamilyPersonQuery;
export type PlanData = FamilyPlanQuery;
export type Person = FamilyPeopleQuery['citizens'][number];
export type Department = PersonData['departments'][number];
export type Scale = PersonData['instruments'][number];
export type Consent = PersonData['citizen']['consents'][number];
export type TimelineEntry = PersonData['citizen']['timeline'][number];
export type PlanGoal = PlanData['plan']['goals'][number];
export type PlanRating = NonNullable<PlanData['plan']['timeline'][number]['goalRating']>;
export type AccessLogEntry = FamilyAccessLogQuery['citizen']['accessLog'][number];

/** A goal as the family page shows it: each rater role's latest rating, newest first. */
export interface GoalView extends PlanGoal {
  latestByRole: PlanRating[];
}

/** The signed-in person first, then the others (a parent's minor children) by name. */
export function orderPeople(people: readonly Person[], self: string | undefined): Person[] {
  return [...people].sort(
    (a, b) =>
      Number(b.id === self) - Number(a.id === self) || a.displayName.localeCompare(b.displayName, 'da'),
  );
}

/**
 * The active goals about `personId` (or the whole family), each with every rater role's latest
 * rating. The plan's timeline is newest first, so the first rating seen per role is the latest.
 */
export function goalsFor(plans: readonly PlanData['plan'][], personId: string): GoalView[] {
  const views: GoalView[] = [];
  for (const plan of plans) {
    const ratings = plan.timeline.flatMap((e) => (e.goalRating ? [e.goalRating] : []));
    for (const goal of plan.goals) {
      if (goal.status !== 'ACTIVE') continue;
      if (goal.subject && goal.subject.id !== personId) continue;
      const latest = new Map<string, PlanRating>();
      for (const r of ratings)
        if (r.goalId === goal.id && !latest.has(r.raterRole)) latest.set(r.raterRole, r);
      views.push({ ...goal, latestByRole: [...latest.values()] });
    }
  }
  return views;
}

/** One answer or rating over time: newest first, with what it was about. */
export interface AnswerRow {
  id: string;
  at: string;
  /** The instrument's name or the goal's text. */
  about: string;
  value: number;
  role: string;
  outsideMeeting: boolean;
}

export function answersOf(
  timeline: readonly TimelineEntry[],
  instruments: readonly Scale[],
  goals: readonly PlanGoal[],
): AnswerRow[] {
  const instrumentName = new Map(instruments.map((i) => [i.key, i.name]));
  const goalText = new Map(goals.map((g) => [g.id, g.text]));
  return timeline.flatMap((e): AnswerRow[] => {
    const m = e.measurement;
    if (m) {
      const about = instrumentName.get(m.instrumentKey) ?? m.instrumentKey;
      return [
        {
          id: m.id,
          at: e.at,
          about,
          value: m.total,
          role: m.respondentRole,
          outsideMeeting: m.outsideMeeting,
        },
      ];
    }
    const r = e.goalRating;
    if (r) {
      const about = goalText.get(r.goalId) ?? '';
      return [
        { id: r.id, at: e.at, about, value: r.value, role: r.raterRole, outsideMeeting: r.outsideMeeting },
      ];
    }
    return [];
  });
}

/** The message key of an access-log purpose code ("case-work" → "purpose_case_work"). */
export const purposeKey = (code: string) => `purpose_${code.replace(/-/g, '_')}`;
