import { CALENDAR_TIME_ZONE } from '../calendar.js';
import type { AttentionKind } from '../caseload/attention.js';
import { catalogFor, type MessageCatalog } from './catalog/index.js';

/** A message ready for the outbox. */
export interface ComposedMessage {
  subject: string;
  text: string;
}

/** An instant as the reader's language writes it, on Copenhagen's clock. */
function instantIn(catalog: MessageCatalog, at: Date): string {
  return new Intl.DateTimeFormat(catalog.locale, {
    timeZone: CALENDAR_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
}

/** A Copenhagen calendar date (YYYY-MM-DD) as the reader's language writes it. */
function dateIn(catalog: MessageCatalog, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(catalog.locale, { timeZone: 'UTC', dateStyle: 'full' }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}

const withFooter = (catalog: MessageCatalog, text: string) => `${text}\n\n--\n${catalog.footer}\n`;

/**
 * The invitation to answer. Names the department, never the citizen: whoever reads the mail
 * learns no more than that a department asks for an answer.
 */
export function composeInvitation(p: {
  language: string;
  link: string;
  departmentName: string;
  expiresAt: Date;
}): ComposedMessage {
  const c = catalogFor(p.language);
  const values = { departmentName: p.departmentName, link: p.link, expiresAt: instantIn(c, p.expiresAt) };
  return { subject: c.invitation.subject(values), text: withFooter(c, c.invitation.text(values)) };
}

/** The reminder of an unanswered invitation (enqueued with the invitation, with notBefore). */
export function composeInvitationReminder(p: {
  language: string;
  link: string;
  departmentName: string;
  expiresAt: Date;
}): ComposedMessage {
  const c = catalogFor(p.language);
  const values = { departmentName: p.departmentName, link: p.link, expiresAt: instantIn(c, p.expiresAt) };
  return {
    subject: c.invitationReminder.subject(values),
    text: withFooter(c, c.invitationReminder.text(values)),
  };
}

/** A family member's reminder of the next family meeting (a Copenhagen date). */
export function composeMeetingReminder(p: {
  language: string;
  meetingOn: string;
  departmentName: string;
  link: string;
}): ComposedMessage {
  const c = catalogFor(p.language);
  const meetingOn = dateIn(c, p.meetingOn);
  return {
    subject: c.meetingReminder.subject({ meetingOn }),
    text: withFooter(
      c,
      c.meetingReminder.text({ departmentName: p.departmentName, meetingOn, link: p.link }),
    ),
  };
}

/**
 * A professional's daily digest: counts per reason and a link, never a name, so the mail
 * carries no personal data about any citizen.
 */
export function composeDigest(p: {
  language: string;
  /** The Copenhagen date it is for. */
  date: string;
  counts: readonly { kind: AttentionKind; citizens: number }[];
  link: string;
}): ComposedMessage {
  const c = catalogFor(p.language);
  const date = dateIn(c, p.date);
  const lines = p.counts
    .filter((x) => x.citizens > 0)
    .map((x) => c.digest.line({ reason: c.digest.reasons[x.kind], citizens: x.citizens }));
  const text = [c.digest.intro({ date }), '', ...lines, '', c.digest.outro({ link: p.link })].join('\n');
  return { subject: c.digest.subject({ date }), text: withFooter(c, text) };
}
