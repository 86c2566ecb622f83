/**
 * How messages leave (docs/delivery.md), from the environment that config.ts validated. Fails
 * closed: an SMTP_URL that does not parse or names another scheme stops start-up; outside demo
 * mode without SMTP_URL, e-mail is off and features that need it refuse with a clear error.
 */
export interface MailConfig {
  /** SMTP: a real server; MAILBOX: the demo's local mailbox page; OFF: no e-mail at all. */
  mode: 'SMTP' | 'MAILBOX' | 'OFF';
  /** smtp:// or smtps:// with optional user:password; null unless mode is SMTP. */
  smtpUrl: string | null;
  /** In production an smtp:// server must offer STARTTLS: credentials and links never travel in clear. */
  requireTls: boolean;
  /** The From header, e.g. `Helhed <no-reply@kommune.dk>`. */
  from: string;
  /** Where links in messages point: the shell as the family and staff reach it. */
  publicUrl: string;
  /** The Copenhagen hour (0–23) of the daily digest and reminders. */
  dailyHour: number;
}

export interface MailEnvironment {
  SMTP_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
  PUBLIC_URL?: string | undefined;
  DAILY_REMINDER_HOUR: number;
}

/** Thrown for a configuration that must not start; config.ts turns it into its ConfigError. */
export class MailConfigError extends Error {}

const address = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/;

export function mailConfigFrom(
  e: MailEnvironment,
  mode: { demo: boolean; production: boolean; host: string; port: number },
): MailConfig {
  const smtpUrl = e.SMTP_URL?.trim() || null;
  if (smtpUrl !== null) assertSmtpUrl(smtpUrl);
  if (smtpUrl !== null && !mode.demo && !e.MAIL_FROM) {
    throw new MailConfigError('MAIL_FROM is required with SMTP_URL: the sender address of every message.');
  }
  if (e.MAIL_FROM && !address.test(e.MAIL_FROM.trim())) {
    throw new MailConfigError('MAIL_FROM must be an address: name@example.dk or "Name <name@example.dk>".');
  }
  const publicUrl = e.PUBLIC_URL?.trim() || null;
  if (publicUrl !== null && !/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    throw new MailConfigError('PUBLIC_URL must be an http:// or https:// URL.');
  }
  if (smtpUrl !== null && !mode.demo && publicUrl === null) {
    throw new MailConfigError(
      'PUBLIC_URL is required with SMTP_URL: links in messages must point where people reach Helhed.',
    );
  }
  const host = mode.host === '0.0.0.0' ? 'localhost' : mode.host;
  return {
    mode: smtpUrl !== null ? 'SMTP' : mode.demo ? 'MAILBOX' : 'OFF',
    smtpUrl,
    requireTls: mode.production && smtpUrl?.startsWith('smtp:') === true,
    from: e.MAIL_FROM?.trim() || 'Helhed <no-reply@helhed.invalid>',
    publicUrl: (publicUrl ?? `http://${host}:${mode.port}/`).replace(/\/*$/, '/'),
    dailyHour: e.DAILY_REMINDER_HOUR,
  };
}

/** The URL is never echoed: it may hold the SMTP password. */
function assertSmtpUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MailConfigError('SMTP_URL does not parse as a URL: use smtp://host:587 or smtps://host:465.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailConfigError(`SMTP_URL must use smtp:// or smtps://, not ${url.protocol}//.`);
  }
  if (!url.hostname) throw new MailConfigError('SMTP_URL names no host.');
}
