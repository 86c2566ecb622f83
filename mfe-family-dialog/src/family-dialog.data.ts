/** What the family dialogue reads and writes, and the pure shaping of it for the screen. */
import { graphql } from './gql/gql.js';
import type { FamilyDialogQuery } from './gql/graphql.js';

export const PLAN_QUERY = graphql(`
  query FamilyDialog($id: ID!) { plan(id: $id) { id coordinator { displayName title }
    goals { id text status latest spread disagreement subject { id displayName familyRole } }
    meetings { id heldAt status agreements nextMeetingOn acceptedByParentAt parentComment
      participants { id role displayName ratings { goalId value occurredAt } } }
    members { id displayName familyRole }
    timeline(limit: 200) { goalRating { goalId raterRole value occurredAt outsideMeeting } } } }
`);

export const RATE = graphql(
  `mutation RateGoal($input: RateGoalInput!) { rateGoal(input: $input) { id goalId value } }`,
);
export const START = graphql(
  `mutation StartMeeting($input: StartMeetingInput!) { startMeeting(input: $input) { id } }`,
);
export const CLOSE = graphql(
  `mutation CloseMeeting($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }`,
);
export const ACCEPT = graphql(
  `mutation AcceptPlan($input: AcceptPlanInput!) { acceptPlan(input: $input) { id } }`,
);
export const LIVE = graphql(
  `subscription GoalRated($planId: ID!) { goalRated(planId: $planId) { rating { id } } }`,
);
/** A meeting of the plan started, closed or was accepted on another screen. */
export const MEETING_LIVE = graphql(
  `subscription MeetingChanged($planId: ID!) { meetingChanged(planId: $planId) { meeting { id status } } }`,
);

export type Role = 'PARENT' | 'CHILD' | 'CITIZEN' | 'PROFESSIONAL' | 'OTHER';

/**
 * The plan's answer, as the generator types it from the schema. `members` lists parents first
 * (whom a professional can invite); `timeline` is newest first (the family's ratings between meetings).
 */
export type PlanData = FamilyDialogQuery;
export type Goal = PlanData['plan']['goals'][number];
export type Meeting = PlanData['plan']['meetings'][number];
export type Participant = Meeting['participants'][number];
export type Rating = Participant['ratings'][number];
/** A rating the family gave on their own phone, outside a meeting (docs/family.md). */
export type BetweenRating = NonNullable<PlanData['plan']['timeline'][number]['goalRating']>;

/**
 * Each rater role's newest rating of a goal given between meetings and after the last meeting
 * was held: what the family said since, shown beside the meeting's marks.
 */
export function betweenMeetings(
  goalId: string,
  timeline: PlanData['plan']['timeline'],
  meetings: readonly Meeting[],
): BetweenRating[] {
  const since = meetings[0]?.heldAt ?? '';
  const newest = new Map<string, BetweenRating>();
  for (const { goalRating: r } of timeline) {
    if (!r || r.goalId !== goalId || !r.outsideMeeting || r.occurredAt < since) continue;
    const held = newest.get(r.raterRole);
    if (!held || r.occurredAt > held.occurredAt) newest.set(r.raterRole, r);
  }
  return [...newest.values()];
}

/** One participant's mark on a goal's line. `earlier`: from the last meeting, not yet rated now. */
export interface Mark {
  participant: Participant;
  value: number;
  earlier: boolean;
  /** Change from the same person's rating at the last meeting. */
  change: number | null;
}

export interface GoalGroup {
  key: string;
  /** First name of the person the goals are about; empty for the family's shared goals. */
  name: string;
  role: string | null;
  goals: Goal[];
}

/** Goals grouped by whom they are about: children first, then parents, then the family's own. */
export function groupGoals(goals: readonly Goal[]): GoalGroup[] {
  const groups = new Map<string, GoalGroup>();
  for (const goal of goals) {
    const key = goal.subject?.id ?? '';
    const group = groups.get(key) ?? {
      key,
      name: goal.subject?.displayName.split(' ')[0] ?? '',
      role: goal.subject?.familyRole ?? null,
      goals: [],
    };
    group.goals.push(goal);
    groups.set(key, group);
  }
  const rank = (g: GoalGroup) => (g.key === '' ? 3 : g.role === 'CHILD' ? 0 : g.role === 'PARENT' ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/** The open meeting, if any; meetings come newest first. */
export const openMeeting = (meetings: readonly Meeting[]) => meetings.find((m) => m.status === 'OPEN');

/** The last closed meeting: what "since the last meeting" compares with. */
export const lastClosed = (meetings: readonly Meeting[]) => meetings.find((m) => m.status === 'CLOSED');

/** A participant's latest rating of a goal in their meeting. */
export function ratingOf(participant: Participant, goalId: string): number | null {
  let found: Rating | undefined;
  for (const r of participant.ratings) {
    if (r.goalId === goalId && (!found || r.occurredAt >= found.occurredAt)) found = r;
  }
  return found ? found.value : null;
}

/** The same person in another meeting: same role and name. */
const samePerson = (a: Participant, b: Participant) => a.role === b.role && a.displayName === b.displayName;

/**
 * Each participant's mark on a goal: in the open meeting their rating there (or, not rated yet,
 * their rating at the last meeting, marked `earlier`); without an open meeting, the last one's.
 */
export function marksFor(goalId: string, meetings: readonly Meeting[]): Mark[] {
  const open = openMeeting(meetings);
  const last = lastClosed(meetings);
  const current = open ?? last;
  if (!current) return [];
  const marks: Mark[] = [];
  for (const participant of current.participants) {
    const before = open && last ? last.participants.find((p) => samePerson(p, participant)) : undefined;
    const earlierValue = before ? ratingOf(before, goalId) : null;
    const now = ratingOf(participant, goalId);
    if (now !== null) {
      const change = earlierValue === null ? null : round(now - earlierValue);
      marks.push({ participant, value: now, earlier: false, change });
    } else if (earlierValue !== null) {
      marks.push({ participant, value: earlierValue, earlier: true, change: null });
    }
  }
  return marks;
}

/** The goal's mean at the last closed meeting (each participant's rating there). */
export function meanAt(meeting: Meeting | undefined, goalId: string): number | null {
  const values = (meeting?.participants ?? []).map((p) => ratingOf(p, goalId)).filter((v) => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Latest value now minus the mean at the last closed meeting, while a meeting is open. */
export function changeSinceLastMeeting(goal: Goal, meetings: readonly Meeting[]): number | null {
  if (!openMeeting(meetings) || goal.latest === null) return null;
  const before = meanAt(lastClosed(meetings), goal.id);
  return before === null ? null : round(goal.latest - before);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Whom to offer when a meeting starts: the last meeting's people, then whom the goals are about. */
export function suggestedParticipants(data: PlanData['plan']): { role: Role; displayName: string }[] {
  const seen = new Set<string>();
  const out: { role: Role; displayName: string }[] = [];
  const add = (role: string, displayName: string) => {
    const key = `${role}|${displayName}`;
    if (seen.has(key) || !displayName) return;
    seen.add(key);
    out.push({ role: (role === 'OTHER_ADULT' ? 'OTHER' : role) as Role, displayName });
  };
  for (const p of lastClosed(data.meetings)?.participants ?? []) add(p.role, p.displayName);
  for (const g of data.goals) if (g.subject) add(g.subject.familyRole ?? 'CITIZEN', g.subject.displayName);
  return out;
}
