import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outboxMessage } from '../db/tables.js';

// Interim outbox: the delivery worker's branch replaces this file with the full one (same API).

export interface OutgoingMessage {
  municipalityId: string;
  kind: 'INVITATION' | 'INVITATION_REMINDER' | 'MEETING_REMINDER' | 'DIGEST';
  recipient: string;
  subject: string;
  text: string;
  dedupeKey: string;
  reference?: string;
  notBefore?: Date;
}

export async function enqueueMessage(db: Db, message: OutgoingMessage, now: Date): Promise<string> {
  const row = (
    await db
      .insert(outboxMessage)
      .values({
        municipalityId: message.municipalityId,
        kind: message.kind,
        channel: 'EMAIL',
        recipient: message.recipient,
        subject: message.subject,
        body: message.text,
        reference: message.reference ?? null,
        dedupeKey: message.dedupeKey,
        createdAt: now,
        notBefore: message.notBefore ?? now,
      })
      .onConflictDoNothing({ target: [outboxMessage.municipalityId, outboxMessage.dedupeKey] })
      .returning({ id: outboxMessage.id })
  )[0];
  if (row) return row.id;
  const existing = await db
    .select({ id: outboxMessage.id })
    .from(outboxMessage)
    .where(
      and(
        eq(outboxMessage.municipalityId, message.municipalityId),
        eq(outboxMessage.dedupeKey, message.dedupeKey),
      ),
    );
  return existing[0]?.id ?? '';
}

export async function cancelMessages(
  db: Db,
  municipalityId: string,
  reference: string,
  kinds: readonly OutgoingMessage['kind'][],
  _now: Date,
): Promise<number> {
  const rows = await db
    .update(outboxMessage)
    .set({ status: 'CANCELLED', body: '' })
    .where(
      and(
        eq(outboxMessage.municipalityId, municipalityId),
        eq(outboxMessage.reference, reference),
        eq(outboxMessage.status, 'PENDING'),
        inArray(outboxMessage.kind, [...kinds]),
      ),
    )
    .returning({ id: outboxMessage.id });
  return rows.length;
}

export async function deliveryStatusOf(
  db: Db,
  municipalityId: string,
  reference: string,
  kind: OutgoingMessage['kind'],
): Promise<'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED' | null> {
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
  )[0];
  return row?.status ?? null;
}
