import nodemailer from 'nodemailer';
import type { MailConfig } from './mail-config.js';
import { type MessageSender, messageIdFor } from './sender.js';

/** The domain of the From address, for Message-IDs (RFC 5322 wants a domain we speak for). */
function domainOf(from: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'helhed.invalid';
}

/**
 * Sends through an SMTP server (SMTP_URL). Timeouts stay well inside the worker's two-minute
 * lease, so a hung server cannot make another instance send the same message meanwhile.
 */
export function createSmtpSender(mail: Pick<MailConfig, 'smtpUrl' | 'from' | 'requireTls'>): MessageSender {
  if (!mail.smtpUrl) throw new Error('The SMTP sender needs SMTP_URL.');
  const url = new URL(mail.smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: mail.requireTls,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  const domain = domainOf(mail.from);
  return {
    channel: 'smtp',
    async send(envelope) {
      await transport.sendMail({
        from: mail.from,
        to: envelope.to,
        subject: envelope.subject,
        text: envelope.text,
        messageId: messageIdFor(envelope.outboxId, domain),
        // Automatic mail: no out-of-office replies to a no-reply address (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close() {
      transport.close();
    },
  };
}
