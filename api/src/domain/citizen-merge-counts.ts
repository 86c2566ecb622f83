import { count, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { CitizenMerge } from '../db/schema/index.js';
import { citizenMergeRow, goal, goalRating } from '../db/tables.js';

/** How many of the duplicate's records a merge brought to the survivor, by kind. */
export interface MergeCounts {
  measurements: number;
  plans: number;
  goals: number;
  goalRatings: number;
  cases: number;
  consents: number;
  familyMemberships: number;
  targetGroups: number;
  externalReferences: number;
  invitations: number;
  provisions: number;
  meetingParticipations: number;
  notificationOptOuts: number;
}

const fieldOf: Record<string, keyof MergeCounts> = {
  'measurement.citizen_id': 'measurements',
  'plan.citizen_id': 'plans',
  'citizen_department.citizen_id': 'cases',
  'consent.citizen_id': 'consents',
  'family_member.citizen_id': 'familyMemberships',
  'citizen_target_group.citizen_id': 'targetGroups',
  'citizen_external_ref.citizen_id': 'externalReferences',
  'invitation.invitee_id': 'invitations',
  'provision.citizen_id': 'provisions',
  'meeting_participant.citizen_id': 'meetingParticipations',
  'notification_opt_out.citizen_id': 'notificationOptOuts',
};

/**
 * Counted from the merge's log: a row set aside because the survivor had its twin counts too (the
 * survivor holds that case, membership or tag). Goals and their ratings move with the duplicate's
 * plans or as goals about the duplicate; the ratings of those goals are the survivor's now.
 */
export async function mergeCounts(db: Db, merge: CitizenMerge): Promise<MergeCounts> {
  const rows = await db
    .select({
      target: citizenMergeRow.target,
      action: citizenMergeRow.action,
      rowKey: citizenMergeRow.rowKey,
    })
    .from(citizenMergeRow)
    .where(eq(citizenMergeRow.mergeId, merge.id));
  const counts: MergeCounts = {
    measurements: 0,
    plans: 0,
    goals: 0,
    goalRatings: 0,
    cases: 0,
    consents: 0,
    familyMemberships: 0,
    targetGroups: 0,
    externalReferences: 0,
    invitations: 0,
    provisions: 0,
    meetingParticipations: 0,
    notificationOptOuts: 0,
  };
  for (const r of rows) {
    const field = fieldOf[r.target];
    if (field && (r.action === 'MOVED' || r.action === 'SET_ASIDE')) counts[field] += 1;
  }
  const planIds = rows.filter((r) => r.target === 'plan.citizen_id').map((r) => r.rowKey);
  const subjectGoalIds = rows.filter((r) => r.target === 'goal.subject_citizen_id').map((r) => r.rowKey);
  const goalIds = await goalsOf(db, planIds, subjectGoalIds);
  counts.goals = goalIds.length;
  counts.goalRatings = goalIds.length
    ? Number(
        (await db.select({ n: count() }).from(goalRating).where(inArray(goalRating.goalId, goalIds)))[0]?.n ??
          0,
      )
    : 0;
  return counts;
}

async function goalsOf(db: Db, planIds: string[], goalIds: string[]): Promise<string[]> {
  if (planIds.length === 0 && goalIds.length === 0) return [];
  const rows = await db
    .select({ id: goal.id })
    .from(goal)
    .where(
      or(
        planIds.length ? inArray(goal.planId, planIds) : undefined,
        goalIds.length ? inArray(goal.id, goalIds) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}
