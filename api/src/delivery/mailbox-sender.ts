import type { MessageSender } from './sender.js';

/** The demo mailbox's channel name on outbox rows. */
export const DEMO_MAILBOX = 'demo-mailbox';

/**
 * Demo mode without SMTP_URL: nothing leaves the machine. The message is "sent" into the
 * database (the outbox row keeps its body) and GET /demo/mailbox shows it.
 */
export function createMailboxSender(): MessageSender {
  return {
    channel: DEMO_MAILBOX,
    keepsBody: true,
    async send() {},
  };
}
