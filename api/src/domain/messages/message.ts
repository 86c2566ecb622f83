/** The kinds of message the outbox carries (docs/delivery.md). */
export const messageKinds = ['INVITATION', 'INVITATION_REMINDER', 'MEETING_REMINDER', 'DIGEST'] as const;
export type MessageKind = (typeof messageKinds)[number];

/** A message as the code that announces something hands it to the outbox. */
export interface OutgoingMessage {
  municipalityId: string;
  kind: MessageKind;
  /** E-mail address. */
  recipient: string;
  subject: string;
  /** Plain-text body (may contain a link's secret; blanked once sent). */
  text: string;
  /** A second enqueue with the same key (per municipality) is ignored. */
  dedupeKey: string;
  /** What the message is about, e.g. the invitation id, to cancel or report on. */
  reference?: string;
  /** Not sent before this instant; default: now. */
  notBefore?: Date;
}

export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED';
