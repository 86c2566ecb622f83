import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { department, dialogueMeeting, familyMember, plan, professional } from '../db/tables.js';
import { addDays, copenhagenDate } from '../domain/calendar.js';
import { composeMeetingReminder } from '../domain/messages/compose.js';
import { citizensOptedOut } from '../domain/messages/opt-out.js';
import { enqueueMessage } from '../domain/messages/outbox.js';
import type { Logger } from '../observability/logger.js';
import type { FamilyAddressBook } from './address-book.js';

export interface MeetingReminderParts {
  addressBook: FamilyAddressBook;
  publicUrl: string;
  logger: Logger;
}

/** Days before the agreed next meeting that its reminder goes out. */
export const MEETING_REMINDER_DAYS_BEFORE = 1;

/** Open family plans whose newest meeting closed with the next one agreed for `meetingOn`. */
async function plansMeetingOn(db: Db, meetingOn: string) {
  const agreed = await db
    .select({
      planId: dialogueMeeting.planId,
      municipalityId: dialogueMeeting.municipalityId,
      familyId: plan.familyId,
      coordinatorId: plan.coordinatorId,
    })
    .from(dialogueMeeting)
    .innerJoin(plan, eq(plan.id, dialogueMeeting.planId))
    .where(
      and(
        eq(dialogueMeeting.nextMeetingOn, meetingOn),
        eq(dialogueMeeting.status, 'CLOSED'),
        isNull(plan.closedAt),
      ),
    );
  const result: typeof agreed = [];
  for (const a of agreed) {
    // A later meeting (held, or agreeing another date) supersedes this agreement.
    const newest = (
      await db
        .select({ nextMeetingOn: dialogueMeeting.nextMeetingOn, status: dialogueMeeting.status })
        .from(dialogueMeeting)
        .where(eq(dialogueMeeting.planId, a.planId))
        .orderBy(desc(dialogueMeeting.heldAt))
        .limit(1)
    )[0];
    if (newest?.status === 'CLOSED' && newest.nextMeetingOn === meetingOn && a.familyId) result.push(a);
  }
  return result;
}

async function departmentNameOf(db: Db, coordinatorId: string | null): Promise<string | null> {
  if (!coordinatorId) return null;
  const row = (
    await db
      .select({ name: department.name })
      .from(professional)
      .innerJoin(department, eq(department.id, professional.departmentId))
      .where(eq(professional.id, coordinatorId))
  )[0];
  return row?.name ?? null;
}

/**
 * Enqueues a reminder to the parents of each family whose next meeting is tomorrow (Copenhagen
 * date), where the address book knows an address and the parent has not opted out. Deduplicated
 * per plan, date and person. Answers how many reminders were enqueued.
 */
export async function enqueueMeetingReminders(
  db: Db,
  parts: MeetingReminderParts,
  now: Date,
): Promise<number> {
  const meetingOn = addDays(copenhagenDate(now), MEETING_REMINDER_DAYS_BEFORE);
  let enqueued = 0;
  for (const p of await plansMeetingOn(db, meetingOn)) {
    const parents = (
      await db
        .select({ citizenId: familyMember.citizenId })
        .from(familyMember)
        .where(and(eq(familyMember.familyId, p.familyId as string), eq(familyMember.role, 'PARENT')))
    ).map((m) => m.citizenId);
    const optedOut = await citizensOptedOut(db, p.municipalityId, parents, 'MEETING_REMINDER');
    const departmentName = (await departmentNameOf(db, p.coordinatorId)) ?? 'Helhed';
    for (const citizenId of parents) {
      if (optedOut.has(citizenId)) continue;
      const to = await parts.addressBook.reminderAddressOf(db, p.municipalityId, citizenId);
      if (!to) continue;
      const message = composeMeetingReminder({
        language: to.language,
        meetingOn,
        departmentName,
        link: `${parts.publicUrl}family/${p.planId}`,
      });
      try {
        await enqueueMessage(
          db,
          {
            municipalityId: p.municipalityId,
            kind: 'MEETING_REMINDER',
            recipient: to.address,
            ...message,
            dedupeKey: `meeting:${p.planId}:${meetingOn}:${citizenId}`,
            reference: p.planId,
          },
          now,
        );
        enqueued += 1;
      } catch (error) {
        parts.logger.warn({ event: 'meeting_reminder.failed', kind: (error as Error)?.name }, 'not enqueued');
      }
    }
  }
  return enqueued;
}
