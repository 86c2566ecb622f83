// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { citizen } from './citizen.js';
import { id, instant, municipalityId } from './columns.js';
import { answerChannels } from './measurement.js';
import { professional } from './organisation.js';
import { goal, plan } from './plan.js';

export const meetingStatuses = ['OPEN', 'CLOSED'] as const;

/** A family dialogue meeting: who took part, what was agreed, when the next one is. */
export const dialogueMeeting = pgTable(
  'dialogue_meeting',
  {
    id: id(),
    municipalityId: municipalityId(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id),
    heldAt: instant('held_at').notNull(),
    status: text('status', { enum: meetingStatuses }).notNull().default('OPEN'),
    agreements: text('agreements').notNull().default(''),
    nextMeetingOn: text('next_meeting_on'),
    acceptedByParentAt: instant('accepted_by_parent_at'),
    parentComment: text('parent_comment'),
  },
  (t) => [index('dialogue_meeting_plan_idx').on(t.planId, t.heldAt)],
);

export const meetingParticipant = pgTable(
  'meeting_participant',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => dialogueMeeting.id),
    role: text('role').notNull(),
    displayName: text('display_name').notNull(),
    citizenId: text('citizen_id').references(() => citizen.id),
    professionalId: text('professional_id').references(() => professional.id),
  },
  (t) => [index('meeting_participant_meeting_idx').on(t.meetingId)],
);

/** One participant's rating of one goal, in tenths. Append-only like measurements. */
export const goalRating = pgTable(
  'goal_rating',
  {
    id: id(),
    municipalityId: municipalityId(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goal.id),
    raterRole: text('rater_role').notNull(),
    raterId: text('rater_id'),
    value: integer('value').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    recordedAt: instant('recorded_at').notNull(),
    meetingId: text('meeting_id').references(() => dialogueMeeting.id),
    /** Which participant of the meeting gave the rating (a shared tablet rates for several). */
    participantId: text('participant_id').references(() => meetingParticipant.id),
    idempotencyKey: text('idempotency_key').notNull(),
    channel: text('channel', { enum: answerChannels }).notNull().default('SESSION'),
  },
  (t) => [
    uniqueIndex('goal_rating_idempotency_uq').on(t.municipalityId, t.idempotencyKey),
    index('goal_rating_goal_idx').on(t.goalId, t.occurredAt),
    index('goal_rating_meeting_idx').on(t.meetingId),
  ],
);

export type GoalRating = typeof goalRating.$inferSelect;
export type DialogueMeeting = typeof dialogueMeeting.$inferSelect;
export type MeetingParticipant = typeof meetingParticipant.$inferSelect;
