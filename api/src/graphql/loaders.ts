import DataLoader from 'dataloader';
import type { Db } from '../db/client.js';
import type {
  Citizen,
  Department,
  DialogueMeeting,
  FamilyMemberRole,
  GoalRating,
  MeetingParticipant,
  Professional,
} from '../db/schema/index.js';
import { citizensByIds } from '../domain/citizens.js';
import { departmentsByIds } from '../domain/departments.js';
import { familyMembersOfPlans } from '../domain/families.js';
import { type InterventionWithGoals, interventionsOfPlans } from '../domain/interventions.js';
import { meetingsOfPlans, participantsOfMeetings, ratingsOfMeetings } from '../domain/meetings.js';
import { professionalsByIds } from '../domain/staff.js';
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

/**
 * Per-request batch loaders over the domain's read functions, so nested fields never issue one
 * query per row. They read without the gate: a field reaches them only through a parent the
 * caller has opened (a plan, an invitation), and the parent's read was audited.
 */
export function createLoaders(db: Db) {
  return {
    department: byId<Department>((ids) => departmentsByIds(db, ids)),
    professional: byId<Professional>((ids) => professionalsByIds(db, ids)),
    /** The people a plan, goal or invitation names (their display names). */
    citizen: byId<Citizen>((ids) => citizensByIds(db, ids)),
    /** A family plan's members and their roles; empty for a citizen's own plan. */
    familyMembers: grouped<{ planId: string; citizenId: string; role: FamilyMemberRole }>(
      (planIds) => familyMembersOfPlans(db, planIds),
      (m) => m.planId,
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
      (meetingIds) => participantsOfMeetings(db, meetingIds),
      (p) => p.meetingId,
    ),
    meetingRatings: grouped<GoalRating>(
      (meetingIds) => ratingsOfMeetings(db, meetingIds),
      (r) => r.meetingId ?? '',
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
