/** What the family page reads and writes, and the pure shaping of it for the screen. */

export const PEOPLE_QUERY = `query FamilyPeople { citizens { id displayName birthYear } }`;

export const PERSON_QUERY = `query FamilyPerson($id: ID!, $lang: Language) {
  departments { id name }
  instruments { key name(lang: $lang) min max step }
  citizen(id: $id) { id displayName plans { id }
    consents { id fromDepartment { id name } toDepartment { id name } purpose status grantedAt revokedAt }
    timeline(limit: 100) { kind at
      measurement { id instrumentKey total outsideMeeting respondentRole }
      goalRating { id goalId raterRole value outsideMeeting } } } }`;

export const PLAN_QUERY = `query FamilyPlan($id: ID!) { plan(id: $id) { id
  goals { id text instrumentKey status spread disagreement subject { id displayName } }
  timeline(limit: 200) { kind goalRating { goalId raterRole value occurredAt outsideMeeting } } } }`;

export const ACCESS_LOG_QUERY = `query FamilyAccessLog($id: ID!) { citizen(id: $id) { id
  accessLog(limit: 100) { at actorRole department purpose outcome } } }`;

export const RATE = `mutation FamilyRate($input: RateGoalInput!) { rateGoal(input: $input) { id outsideMeeting } }`;
export const GRANT = `mutation FamilyGrant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
export const REVOKE = `mutation FamilyRevoke($id: ID!) { revokeConsent(id: $id) { id status } }`;

export interface Person {
  id: string;
  displayName: string;
  birthYear: number;
}

export interface Department {
  id: string;
  name: string;
}

export interface Scale {
  key: string;
  name: string;
  min: number;
  max: number;
  step: number;
}

export interface Consent {
  id: string;
  fromDepartment: Department;
  toDepartment: Department;
  purpose: string;
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  grantedAt: string;
  revokedAt: string | null;
}

export interface TimelineEntry {
  kind: string;
  at: string;
  measurement: {
    id: string;
    instrumentKey: string;
    total: number;
    outsideMeeting: boolean;
    respondentRole: string;
  } | null;
  goalRating: {
    id: string;
    goalId: string;
    raterRole: string;
    value: number;
    outsideMeeting: boolean;
  } | null;
}

export interface PersonData {
  departments: Department[];
  instruments: Scale[];
  citizen: {
    id: string;
    displayName: string;
    plans: { id: string }[];
    consents: Consent[];
    timeline: TimelineEntry[];
  };
}

export interface PlanGoal {
  id: string;
  text: string;
  instrumentKey: string;
  status: string;
  spread: number | null;
  disagreement: boolean;
  subject: { id: string; displayName: string } | null;
}

export interface PlanRating {
  goalId: string;
  raterRole: string;
  value: number;
  occurredAt: string;
  outsideMeeting: boolean;
}

export interface PlanData {
  plan: {
    id: string;
    goals: PlanGoal[];
    timeline: { kind: string; goalRating: PlanRating | null }[];
  };
}

export interface AccessLogEntry {
  at: string;
  actorRole: string;
  department: string | null;
  purpose: string;
  outcome: 'ALLOWED' | 'DENIED';
}

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
