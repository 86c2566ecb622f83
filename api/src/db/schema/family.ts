import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { citizen } from './citizen.js';
import { id, instant, municipalityId } from './columns.js';
import { department } from './organisation.js';
import { plan } from './plan.js';

export const invitationScopes = ['QUESTIONNAIRE', 'PLAN_GOALS'] as const;
export type InvitationScope = (typeof invitationScopes)[number];
export const invitationDeliveries = ['EMAIL', 'HAND_OVER'] as const;
export type InvitationDelivery = (typeof invitationDeliveries)[number];

/**
 * A single-use, expiring link for one family member to answer one questionnaire or rate one
 * plan's goals (docs/family.md). Only the SHA-256 of the link's secret is stored; the row holds
 * no address (that lives in the outbox message until it is sent).
 */
export const invitation = sqliteTable(
  'invitation',
  {
    id: id(),
    municipalityId: municipalityId(),
    tokenHash: text('token_hash').notNull(),
    inviteeId: text('invitee_id')
      .notNull()
      .references(() => citizen.id),
    scope: text('scope', { enum: invitationScopes }).notNull(),
    subjectCitizenId: text('subject_citizen_id').references(() => citizen.id),
    instrumentKey: text('instrument_key'),
    planId: text('plan_id').references(() => plan.id),
    departmentId: text('department_id')
      .notNull()
      .references(() => department.id),
    language: text('language').notNull(),
    delivery: text('delivery', { enum: invitationDeliveries }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    /** The answer's idempotency key: a replay of the same answer returns it, once stored. */
    answerKey: text('answer_key'),
    revokedAt: instant('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    uniqueIndex('invitation_token_uq').on(t.tokenHash),
    index('invitation_invitee_idx').on(t.municipalityId, t.inviteeId, t.createdAt),
    index('invitation_subject_idx').on(t.municipalityId, t.subjectCitizenId),
    index('invitation_plan_idx').on(t.municipalityId, t.planId),
  ],
);

export const outboxStatuses = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * A message waiting to leave (docs/delivery.md): written in the same transaction as what it
 * announces, sent by the delivery worker with retries and back-off. The body (which may hold a
 * link's secret) is blanked once the message is sent or cancelled.
 */
export const outboxMessage = sqliteTable(
  'outbox_message',
  {
    id: id(),
    municipalityId: municipalityId(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** What the message is about (an invitation's id, a professional's digest day). */
    reference: text('reference'),
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status', { enum: outboxStatuses }).notNull().default('PENDING'),
    createdAt: instant('created_at').notNull(),
    notBefore: instant('not_before').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** A sender's claim: no other worker takes the message before this instant. */
    claimedUntil: instant('claimed_until'),
    sentAt: instant('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_uq').on(t.municipalityId, t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.notBefore),
    index('outbox_reference_idx').on(t.municipalityId, t.reference),
  ],
);

/**
 * A person's "no more reminders" (docs/delivery.md): a family member (citizenId) or a
 * professional (professionalId), per kind of message. Invitations themselves still go out.
 */
export const notificationOptOut = sqliteTable(
  'notification_opt_out',
  {
    id: id(),
    municipalityId: municipalityId(),
    citizenId: text('citizen_id').references(() => citizen.id),
    professionalId: text('professional_id'),
    kind: text('kind').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('opt_out_citizen_uq').on(t.municipalityId, t.citizenId, t.kind),
    uniqueIndex('opt_out_professional_uq').on(t.municipalityId, t.professionalId, t.kind),
  ],
);

export type Invitation = typeof invitation.$inferSelect;
export type OutboxMessage = typeof outboxMessage.$inferSelect;
export type NotificationOptOut = typeof notificationOptOut.$inferSelect;
