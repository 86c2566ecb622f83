import { eq } from 'drizzle-orm';
import { createPubSub, type PubSub } from 'graphql-yoga';
import type { Db } from '../db/client.js';
import type { GoalRating } from '../db/schema/index.js';
import { goal } from '../db/tables.js';
import { type GoalView, goalViewsOf } from './goal-views.js';

/** What `Subscription.goalRated` delivers: the stored rating and its goal as it now stands. */
export interface GoalRatingEvent {
  planId: string;
  rating: GoalRating;
  goal: GoalView;
}

type Channels = { goalRated: [planId: string, event: GoalRatingEvent] };

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
  const goalRow = (await db.select({ planId: goal.planId }).from(goal).where(eq(goal.id, rating.goalId)))[0];
  if (!goalRow) return;
  const view = (await goalViewsOf(db, goalRow.planId)).find((v) => v.goal.id === rating.goalId);
  if (!view) return;
  liveEvents(db).publish('goalRated', goalRow.planId, { planId: goalRow.planId, rating, goal: view });
}
