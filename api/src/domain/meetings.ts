import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { planAuditCitizen } from '../access/plan-members.js';
import { assertCaseWorker, assertMayAcceptPlan, authorizePlanWrite } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { DialogueMeeting, GoalRating, MeetingParticipant } from '../db/schema/index.js';
import { dialogueMeeting, familyMember, goalRating, meetingParticipant, plan } from '../db/tables.js';
import { copenhagenDate } from './calendar.js';
import { badInput, conflict, notFound } from './errors.js';

export interface NewMeeting {
  planId: string;
  heldAt?: Date | null | undefined;
  participants: { role: string; displayName: string }[];
}

/**
 * Opens a family dialogue meeting with its participants. One plan has at most one open
 * meeting, so "the meeting" of a shared tablet is never ambiguous.
 */
export async function startMeeting(
  db: Db,
  actor: Actor,
  input: NewMeeting,
  now: Date,
): Promise<DialogueMeeting> {
  assertCaseWorker(actor);
  const owner = await authorizePlanWrite(db, actor, input.planId, 'startMeeting');
  return db.transaction(async (tx) => {
    // Checked in the transaction: on SQLite transactions run one at a time, so two starts cannot
    // both find no open meeting. (PostgreSQL's READ COMMITTED does not give that; see docs/postgres.md.)
    const open = (
      await tx
        .select({ id: dialogueMeeting.id })
        .from(dialogueMeeting)
        .where(and(eq(dialogueMeeting.planId, owner.id), eq(dialogueMeeting.status, 'OPEN')))
    )[0];
    if (open) throw conflict('A meeting of this plan is still open: close it before starting another.');
    const row = single(
      await tx
        .insert(dialogueMeeting)
        .values({ municipalityId: actor.municipalityId, planId: owner.id, heldAt: input.heldAt ?? now })
        .returning(),
    );
    await tx
      .insert(meetingParticipant)
      .values(
        input.participants.map((p) => ({ meetingId: row.id, role: p.role, displayName: p.displayName })),
      );
    await recordAudit(
      tx,
      actor,
      { citizenId: await planAuditCitizen(tx, owner), action: 'startMeeting', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/** Records the agreements and the next meeting, and closes the meeting to further ratings. */
export async function closeMeeting(
  db: Db,
  actor: Actor,
  input: { meetingId: string; agreements: string; nextMeetingOn?: string | null | undefined },
  now: Date,
): Promise<DialogueMeeting> {
  assertCaseWorker(actor);
  const meeting = await findMeeting(db, actor, input.meetingId);
  const owner = await authorizePlanWrite(db, actor, meeting.planId, 'closeMeeting');
  if (meeting.status !== 'OPEN') throw badInput('This meeting is already closed.', 'meetingId');
  // Dates are Copenhagen calendar days: a meeting at 00:30 on the 2nd is held on the 2nd.
  if (input.nextMeetingOn && input.nextMeetingOn < copenhagenDate(meeting.heldAt)) {
    throw badInput('nextMeetingOn must not be before the meeting.', 'nextMeetingOn');
  }
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .update(dialogueMeeting)
        .set({ status: 'CLOSED', agreements: input.agreements, nextMeetingOn: input.nextMeetingOn ?? null })
        .where(and(eq(dialogueMeeting.id, meeting.id), eq(dialogueMeeting.status, 'OPEN')))
        .returning()
    )[0];
    if (!row) throw badInput('This meeting is already closed.', 'meetingId');
    await recordAudit(
      tx,
      actor,
      { citizenId: await planAuditCitizen(tx, owner), action: 'closeMeeting', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/**
 * A parent accepts the plan as agreed in a closed meeting of their own family's plan (or their
 * child's own plan). Accepting again keeps the first acceptance.
 */
export async function acceptPlan(
  db: Db,
  actor: Actor,
  input: { meetingId: string; comment?: string | null | undefined },
  now: Date,
): Promise<DialogueMeeting> {
  assertMayAcceptPlan(actor);
  const meeting = await findMeeting(db, actor, input.meetingId);
  const owner = await authorizePlanWrite(db, actor, meeting.planId, 'acceptPlan');
  if (owner.familyId && !(await isParentIn(db, owner.familyId, actor.citizenId))) throw notFound('Meeting');
  if (meeting.status !== 'CLOSED') {
    throw badInput(
      'The meeting must be closed, with its agreements, before the plan is accepted.',
      'meetingId',
    );
  }
  if (meeting.acceptedByParentAt) return meeting;
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .update(dialogueMeeting)
        .set({ acceptedByParentAt: now, parentComment: input.comment ?? null })
        // Only the first acceptance counts, even when two arrive at once.
        .where(and(eq(dialogueMeeting.id, meeting.id), isNull(dialogueMeeting.acceptedByParentAt)))
        .returning()
    )[0];
    if (!row) return findMeeting(tx, actor, meeting.id);
    await recordAudit(
      tx,
      actor,
      { citizenId: actor.citizenId, action: 'acceptPlan', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/** Meetings of many plans, newest first. */
export async function meetingsOfPlans(db: Db, planIds: readonly string[]): Promise<DialogueMeeting[]> {
  if (planIds.length === 0) return [];
  return await db
    .select()
    .from(dialogueMeeting)
    .where(inArray(dialogueMeeting.planId, [...planIds]))
    .orderBy(desc(dialogueMeeting.heldAt));
}

/** Who took part in each of the meetings. */
export const participantsOfMeetings = (
  db: Db,
  meetingIds: readonly string[],
): Promise<MeetingParticipant[]> =>
  db
    .select()
    .from(meetingParticipant)
    .where(inArray(meetingParticipant.meetingId, [...meetingIds]));

/** The ratings given in each of the meetings, oldest first. */
export const ratingsOfMeetings = (db: Db, meetingIds: readonly string[]): Promise<GoalRating[]> =>
  db
    .select()
    .from(goalRating)
    .where(inArray(goalRating.meetingId, [...meetingIds]))
    .orderBy(goalRating.occurredAt);

async function findMeeting(db: Db, actor: Actor, meetingId: string): Promise<DialogueMeeting> {
  const row = (
    await db
      .select()
      .from(dialogueMeeting)
      .innerJoin(plan, eq(plan.id, dialogueMeeting.planId))
      .where(and(eq(dialogueMeeting.id, meetingId), eq(dialogueMeeting.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw notFound('Meeting');
  return row.dialogue_meeting;
}

async function isParentIn(db: Db, familyId: string, citizenId: string | null): Promise<boolean> {
  if (!citizenId) return false;
  const row = (
    await db
      .select({ role: familyMember.role })
      .from(familyMember)
      .where(and(eq(familyMember.familyId, familyId), eq(familyMember.citizenId, citizenId)))
  )[0];
  return row?.role === 'PARENT';
}
