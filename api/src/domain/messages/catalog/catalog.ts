import type { AttentionKind } from '../../caseload/attention.js';

/** What every message catalog provides (one file per language; see index.ts). */
export interface MessageCatalog {
  /** BCP 47 tag for dates and numbers. */
  locale: string;
  invitation: {
    subject: (p: { departmentName: string }) => string;
    text: (p: { departmentName: string; link: string; expiresAt: string }) => string;
  };
  invitationReminder: {
    subject: (p: { departmentName: string }) => string;
    text: (p: { departmentName: string; link: string; expiresAt: string }) => string;
  };
  meetingReminder: {
    subject: (p: { meetingOn: string }) => string;
    text: (p: { departmentName: string; meetingOn: string; link: string }) => string;
  };
  digest: {
    subject: (p: { date: string }) => string;
    intro: (p: { date: string }) => string;
    /** "Reason: n citizens". */
    line: (p: { reason: string; citizens: number }) => string;
    outro: (p: { link: string }) => string;
    reasons: Record<AttentionKind, string>;
  };
  /** Closing line of every message: why it came, and that it is automatic. */
  footer: string;
}
