import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type {
  Department,
  DialogueMeeting,
  GoalRating,
  MeetingParticipant,
  Professional,
} from '../db/schema/index.js';
import { department, goalRating, meetingParticipant, professional } from '../db/tables.js';
import { type InterventionWithGoals, interventionsOfPlans } from '../domain/interventions.js';
import { meetingsOfPlans } from '../domain/meetings.js';
import { type GoalView, goalViewsOf } from './goal-views.js';

/** Loads rows by id in one query, answering in key order. */
function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const rows = new Map((await load([...ids])).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id));
  });
}

/** Loads the rows belonging to each key in one query, grouped by `keyOf`. */
function grouped<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const row of await load([...keys])) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Per-request batch loaders, so nested fields never issue one query per row. */
export function createLoaders(db: Db) {
  return {
    department: byId<Department>((ids) => db.select().from(department).where(inArray(department.id, ids))),
    professional: byId<Professional>((ids) =>
      db.select().from(professional).where(inArray(professional.id, ids)),
    ),
    /** A plan's goals with their derived values, computed once per request. */
    goalViews: new DataLoader<string, GoalView[]>(async (planIds) =>
      Promise.all(planIds.map((id) => goalViewsOf(db, id))),
    ),
    interventions: grouped<InterventionWithGoals>(
      (planIds) => interventionsOfPlans(db, planIds),
      (iv) => iv.planId,
    ),
    meetings: grouped<DialogueMeeting>(
      (planIds) => meetingsOfPlans(db, planIds),
      (m) => m.planId,
    ),
    participants: grouped<MeetingParticipant>(
      (meetingIds) =>
        db.select().from(meetingParticipant).where(inArray(meetingParticipant.meetingId, meetingIds)),
      (p) => p.meetingId,
    ),
    meetingRatings: grouped<GoalRating>(
      (meetingIds) =>
        db
          .select()
          .from(goalRating)
          .where(inArray(goalRating.meetingId, meetingIds))
          .orderBy(goalRating.occurredAt),
      (r) => r.meetingId ?? '',
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
