import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { outboxMessage } from '../../db/tables.js';
import { badInput } from '../errors.js';
import { announceEnqueued } from './enqueued-signal.js';
import type { DeliveryStatus, OutgoingMessage } from './message.js';

export type { DeliveryStatus, MessageKind, OutgoingMessage } from './message.js';

/** Every message leaves as e-mail today; Digital Post and SMS adapters would set their own. */
const EMAIL = 'email';
const emailAddress = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Puts a message in the outbox. Call it with the transaction of what the message announces, so
 * both commit or neither does. Idempotent by `dedupeKey`: a second call answers the first id.
 */
export async function enqueueMessage(db: Db, message: OutgoingMessage, now: Date): Promise<string> {
  if (!emailAddress.test(message.recipient) || message.recipient.length > 254) {
    throw badInput('The e-mail address is not valid.', 'email');
  }
  const inserted = await db
    .insert(outboxMessage)
    .values({
      municipalityId: message.municipalityId,
      kind: message.kind,
      channel: EMAIL,
      recipient: message.recipient,
      subject: message.subject,
      body: message.text,
      reference: message.reference ?? null,
      dedupeKey: message.dedupeKey,
      status: 'PENDING',
      createdAt: now,
      notBefore: message.notBefore ?? now,
    })
    .onConflictDoNothing({ target: [outboxMessage.municipalityId, outboxMessage.dedupeKey] })
    .returning({ id: outboxMessage.id });
  // Inside a transaction the worker may look before the commit; it then finds it at the next poll.
  if (inserted[0]) {
    queueMicrotask(announceEnqueued);
    return inserted[0].id;
  }
  const existing = await db
    .select({ id: outboxMessage.id })
    .from(outboxMessage)
    .where(
      and(
        eq(outboxMessage.municipalityId, message.municipalityId),
        eq(outboxMessage.dedupeKey, message.dedupeKey),
      ),
    );
  if (!existing[0]) throw new Error('The outbox refused a message and holds none with its key.');
  return existing[0].id;
}

/**
 * Cancels the pending messages of these kinds about a reference (an answered invitation's
 * reminder) and blanks their bodies. A message already being sent is cancelled too, but if its
 * send completes it is recorded as SENT: the status says what happened. Answers how many.
 */
export async function cancelMessages(
  db: Db,
  municipalityId: string,
  reference: string,
  kinds: readonly OutgoingMessage['kind'][],
  _now: Date,
): Promise<number> {
  if (kinds.length === 0) return 0;
  const cancelled = await db
    .update(outboxMessage)
    .set({ status: 'CANCELLED', body: '' })
    .where(
      and(
        eq(outboxMessage.municipalityId, municipalityId),
        eq(outboxMessage.reference, reference),
        inArray(outboxMessage.kind, [...kinds]),
        eq(outboxMessage.status, 'PENDING'),
      ),
    )
    .returning({ id: outboxMessage.id });
  return cancelled.length;
}

/** The newest message of a kind about a reference: its status, or null when there is none. */
export async function deliveryStatusOf(
  db: Db,
  municipalityId: string,
  reference: string,
  kind: OutgoingMessage['kind'],
): Promise<DeliveryStatus | null> {
  const row = (
    await db
      .select({ status: outboxMessage.status })
      .from(outboxMessage)
      .where(
        and(
          eq(outboxMessage.municipalityId, municipalityId),
          eq(outboxMessage.reference, reference),
          eq(outboxMessage.kind, kind),
        ),
      )
      .orderBy(desc(outboxMessage.createdAt))
      .limit(1)
  )[0];
  return row?.status ?? null;
}
