import { createPubSub, type PubSub } from 'graphql-yoga';
import { planMembers } from '../access/plan-members.js';
import type { Db } from '../db/client.js';
import type { DialogueMeeting, GoalRating } from '../db/schema/index.js';
import { planById, planOfGoal } from '../domain/plans.js';
import { type GoalView, goalViewsOf } from './goal-views.js';

/** What `Subscription.goalRated` delivers: the stored rating and its goal as it now stands. */
export interface GoalRatingEvent {
  planId: string;
  rating: GoalRating;
  goal: GoalView;
}

/** What `Subscription.meetingChanged` delivers. */
export interface MeetingChangedEvent {
  planId: string;
  meeting: DialogueMeeting;
}

/**
 * What the caseload hears: which citizens something happened to, in which municipality. Only
 * `cause` and `at` reach a subscriber, and only one whose reach includes one of the citizens.
 */
export interface CaseloadChange {
  municipalityId: string;
  citizenIds: readonly string[];
  cause: 'MEASUREMENT' | 'GOAL_RATING' | 'MEETING';
  at: string;
}

type Channels = {
  goalRated: [planId: string, event: GoalRatingEvent];
  meetingChanged: [planId: string, event: MeetingChangedEvent];
  caseloadChanged: [event: CaseloadChange];
};

// One in-process bus per database, so two APIs in one process (tests) never hear each other.
const buses = new WeakMap<Db, PubSub<Channels>>();

/** The live-event bus of the API that serves `db`. */
export function liveEvents(db: Db): PubSub<Channels> {
  let bus = buses.get(db);
  if (!bus) {
    bus = createPubSub<Channels>();
    buses.set(db, bus);
  }
  return bus;
}

/**
 * Tells the plan's subscribers about a rating once it is committed. A replayed idempotency key
 * returns the earlier row (recorded before `now`), which was announced already.
 */
export async function publishGoalRated(db: Db, rating: GoalRating, now: Date): Promise<void> {
  if (rating.recordedAt.getTime() < now.getTime()) return;
  const p = await planOfGoal(db, rating.goalId);
  if (!p) return;
  const view = (await goalViewsOf(db, p.id)).find((v) => v.goal.id === rating.goalId);
  if (!view) return;
  liveEvents(db).publish('goalRated', p.id, { planId: p.id, rating, goal: view });
  const citizenIds = (await planMembers(db, p)).map((m) => m.citizenId);
  publishCaseloadChanged(db, {
    municipalityId: p.municipalityId,
    citizenIds,
    cause: 'GOAL_RATING',
    at: now.toISOString(),
  });
}

/** Tells the plan's open screens that a meeting started, closed or was accepted. */
export async function publishMeetingChanged(db: Db, meeting: DialogueMeeting, now: Date): Promise<void> {
  liveEvents(db).publish('meetingChanged', meeting.planId, { planId: meeting.planId, meeting });
  const p = await planById(db, meeting.planId);
  if (!p) return;
  const citizenIds = (await planMembers(db, p)).map((m) => m.citizenId);
  publishCaseloadChanged(db, {
    municipalityId: p.municipalityId,
    citizenIds,
    cause: 'MEETING',
    at: now.toISOString(),
  });
}

/** Tells caseloads that something happened to these citizens (after the write committed). */
export function publishCaseloadChanged(db: Db, change: CaseloadChange): void {
  if (change.citizenIds.length > 0) liveEvents(db).publish('caseloadChanged', change);
}
