import { describe, expect, it } from 'vitest';
import { attentionKinds } from '../caseload/attention.js';
import { messageLanguages } from './catalog/index.js';
import {
  composeDigest,
  composeInvitation,
  composeInvitationReminder,
  composeMeetingReminder,
} from './compose.js';

const link = 'https://helhed.kommune.example/i/s3cret';
// 23:30 UTC on 31 March is already 1 April in Copenhagen (summer time).
const expiresAt = new Date('2026-03-31T23:30:00Z');

describe('message catalogs', () => {
  it('exist in Danish, English, Arabic and Ukrainian, each naming every caseload reason', () => {
    expect(messageLanguages.sort()).toEqual(['ar', 'da', 'en', 'uk']);
    for (const language of messageLanguages) {
      const digest = composeDigest({
        language,
        date: '2026-03-02',
        counts: attentionKinds.map((kind) => ({ kind, citizens: 1 })),
        link,
      });
      expect(digest.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(attentionKinds.length);
      expect(digest.text).not.toContain('undefined');
    }
  });

  it('words an invitation with the department and the link, the expiry on Copenhagen’s clock', () => {
    const en = composeInvitation({ language: 'en', link, departmentName: 'Familieafdelingen', expiresAt });
    expect(en.subject).toBe('Familieafdelingen asks you to answer in Helhed');
    expect(en.text).toContain(link);
    expect(en.text).toContain('1 April 2026 at 01:30');
    const da = composeInvitation({ language: 'da', link, departmentName: 'Familieafdelingen', expiresAt });
    expect(da.text).toContain('1. april 2026 kl. 01.30');
    const reminder = composeInvitationReminder({
      language: 'uk',
      link,
      departmentName: 'Familieafdelingen',
      expiresAt,
    });
    expect(reminder.subject).toContain('Нагадування');
    expect(reminder.text).toContain(link);
  });

  it('falls back to Danish for a language without a catalog', () => {
    const fallback = composeMeetingReminder({
      language: 'xx',
      meetingOn: '2026-03-05',
      departmentName: 'Jobcentret',
      link,
    });
    expect(fallback.subject).toBe('Påmindelse: møde torsdag den 5. marts 2026');
  });

  it('lists only the reasons with citizens in a digest', () => {
    const digest = composeDigest({
      language: 'en',
      date: '2026-03-02',
      counts: [
        { kind: 'OUTCOME_RED', citizens: 2 },
        { kind: 'ALLIANCE', citizens: 0 },
        { kind: 'MEETING_OVERDUE', citizens: 1 },
      ],
      link,
    });
    expect(digest.text.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- Red progress alert: 2 citizens',
      '- Family meeting overdue: 1 citizen',
    ]);
  });
});
