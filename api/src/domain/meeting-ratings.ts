import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dialogueMeeting, meetingParticipant } from '../db/tables.js';
import { badInput } from './errors.js';

/**
 * Refuses a rating tied to a meeting unless the meeting is OPEN and belongs to the goal's plan,
 * and a named participant takes part in it.
 */
export async function assertRatableInMeeting(
  db: Db,
  municipalityId: string,
  planId: string,
  meetingId: string,
  participantId: string | null | undefined,
): Promise<void> {
  const meeting = (
    await db
      .select()
      .from(dialogueMeeting)
      .where(and(eq(dialogueMeeting.id, meetingId), eq(dialogueMeeting.municipalityId, municipalityId)))
  )[0];
  if (meeting?.planId !== planId) {
    throw badInput("meetingId must name a meeting of the goal's plan.", 'meetingId');
  }
  if (meeting.status !== 'OPEN') {
    throw badInput('This meeting is closed; ratings can only be given in an open meeting.', 'meetingId');
  }
  if (!participantId) return;
  const participant = (
    await db
      .select({ id: meetingParticipant.id })
      .from(meetingParticipant)
      .where(and(eq(meetingParticipant.id, participantId), eq(meetingParticipant.meetingId, meetingId)))
  )[0];
  if (!participant) throw badInput('participantId must name a participant of the meeting.', 'participantId');
}
