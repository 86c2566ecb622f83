import type { MessageKind } from '../domain/messages/message.js';

/** One message as a sender gets it from the worker. */
export interface Envelope {
  /** The outbox id: the Message-ID is derived from it, so a receiver can drop a duplicate. */
  outboxId: string;
  municipalityId: string;
  kind: MessageKind;
  to: string;
  subject: string;
  text: string;
}

/**
 * The adapter seam (docs/delivery.md): SMTP today, Digital Post or SMS next. `send` resolves
 * only once the receiving system has accepted the message, and rejects otherwise; it must
 * finish well within the worker's lease (two minutes), or another instance may send it again.
 */
export interface MessageSender {
  /** Recorded on the outbox row once sent: `smtp`, `demo-mailbox`, … */
  readonly channel: string;
  /** Demo only: the body stays in the database for the mailbox page instead of being blanked. */
  readonly keepsBody?: boolean;
  send(envelope: Envelope): Promise<void>;
  close?(): void;
}

/** `<outbox-id@domain>`: the same for every attempt at one message. */
export function messageIdFor(outboxId: string, domain: string): string {
  return `<${outboxId}@${domain}>`;
}
