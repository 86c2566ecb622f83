import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outboxMessage } from '../db/tables.js';
import type { MessageKind } from '../domain/messages/message.js';
import { failureSummary, MAX_ATTEMPTS, retryDelayMs } from './backoff.js';

/** A claimed message: the worker owns it until `claimedUntil`. */
export interface ClaimedMessage {
  id: string;
  municipalityId: string;
  kind: MessageKind;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  claimedUntil: Date;
}

const claimable = (now: Date) =>
  and(
    eq(outboxMessage.status, 'PENDING'),
    lte(outboxMessage.notBefore, now),
    or(isNull(outboxMessage.claimedUntil), lt(outboxMessage.claimedUntil, now)),
  );

/**
 * Claims up to `limit` due messages in ONE statement (UPDATE … WHERE id IN (due) AND still
 * claimable … RETURNING). On PostgreSQL a second instance's UPDATE waits for the first's row
 * locks and then re-checks the outer condition on the new row version, where the lease is no
 * longer expired: no message is claimed twice. SQLite has a single writer.
 */
export async function claimDueMessages(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedMessage[]> {
  const claimedUntil = new Date(now.getTime() + leaseMs);
  const due = db
    .select({ id: outboxMessage.id })
    .from(outboxMessage)
    .where(claimable(now))
    .orderBy(asc(outboxMessage.notBefore))
    .limit(limit);
  const rows = await db
    .update(outboxMessage)
    .set({ claimedUntil })
    .where(and(inArray(outboxMessage.id, due), claimable(now)))
    .returning({
      id: outboxMessage.id,
      municipalityId: outboxMessage.municipalityId,
      kind: outboxMessage.kind,
      recipient: outboxMessage.recipient,
      subject: outboxMessage.subject,
      body: outboxMessage.body,
      attempts: outboxMessage.attempts,
    });
  return rows.map((r) => ({ ...r, kind: r.kind as MessageKind, claimedUntil }));
}

/** Only the holder of the lease records the outcome (a message whose lease ran out may be retried). */
const heldBy = (m: ClaimedMessage) =>
  and(eq(outboxMessage.id, m.id), eq(outboxMessage.claimedUntil, m.claimedUntil));

/**
 * Sent: the body (which may hold a link's secret) is blanked, unless the demo mailbox shows it.
 * Recorded even if the message was cancelled meanwhile: it did leave.
 */
export async function markSent(
  db: Db,
  m: ClaimedMessage,
  channel: string,
  keepBody: boolean,
  now: Date,
): Promise<void> {
  await db
    .update(outboxMessage)
    .set({
      status: 'SENT',
      channel,
      sentAt: now,
      attempts: m.attempts + 1,
      claimedUntil: null,
      lastError: null,
      ...(keepBody ? {} : { body: '' }),
    })
    .where(heldBy(m));
}

/** A failed attempt: retried after the back-off, or FAILED (body blanked) after the last one. */
export async function markAttemptFailed(
  db: Db,
  m: ClaimedMessage,
  error: unknown,
  now: Date,
): Promise<'RETRY' | 'FAILED'> {
  const attempts = m.attempts + 1;
  const lastError = failureSummary(error);
  const failed = attempts >= MAX_ATTEMPTS;
  await db
    .update(outboxMessage)
    .set(
      failed
        ? { status: 'FAILED', attempts, lastError, claimedUntil: null, body: '' }
        : {
            attempts,
            lastError,
            claimedUntil: null,
            notBefore: new Date(now.getTime() + retryDelayMs(attempts)),
          },
    )
    .where(and(heldBy(m), eq(outboxMessage.status, 'PENDING')));
  return failed ? 'FAILED' : 'RETRY';
}
