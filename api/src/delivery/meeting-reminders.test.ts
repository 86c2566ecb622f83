import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { addDays, startOfCopenhagenDay } from '../domain/calendar.js';
import { createLogger } from '../observability/logger.js';
import { demoCitizen, startTestApi, type TestApi } from '../testing/harness.js';
import { type FamilyAddressBook, noFamilyAddresses } from './address-book.js';
import { enqueueMeetingReminders } from './meeting-reminders.js';

/**
 * Meeting reminders go the day before the agreed next meeting, only to a parent the address book
 * can reach and who has not opted out. The demo's Sørensen family agreed its next meeting.
 */
let api: TestApi;
const start = new Date('2026-01-12T10:00:00Z');
let anna: string;
let meetingOn: string;
let planId: string;
/** The seam as a municipality's register would fill it: Anna gave an address and agreed. */
const addressBook: FamilyAddressBook = {
  async reminderAddressOf(_db, _municipalityId, citizenId) {
    return citizenId === anna ? { address: 'anna@example.dk', language: 'en' } : null;
  },
};
const parts = (book: FamilyAddressBook) => ({
  addressBook: book,
  publicUrl: 'https://helhed.kommune.example/',
  logger: createLogger('silent'),
});
const dayBefore = () => new Date(startOfCopenhagenDay(addDays(meetingOn, -1)) + 7 * 3_600_000);
const reminders = () =>
  sqliteOf(api.app.db)
    .prepare(
      "select recipient, subject, body, dedupe_key, reference from outbox_message where kind = 'MEETING_REMINDER'",
    )
    .all() as { recipient: string; subject: string; body: string; dedupe_key: string; reference: string }[];

beforeAll(async () => {
  api = await startTestApi({}, { now: () => start });
  anna = demoCitizen(api.app, 'Anna Sørensen');
  const meeting = sqliteOf(api.app.db)
    .prepare(
      "select plan_id, next_meeting_on from dialogue_meeting where status = 'CLOSED' and next_meeting_on is not null",
    )
    .get() as { plan_id: string; next_meeting_on: string };
  meetingOn = meeting.next_meeting_on;
  planId = meeting.plan_id;
});
afterAll(() => api?.close());

describe('meeting reminders', () => {
  it('sends nothing without an address: Helhed stores none for families', async () => {
    expect(await enqueueMeetingReminders(api.app.db, parts(noFamilyAddresses), dayBefore())).toBe(0);
    expect(reminders()).toEqual([]);
  });

  it('sends nothing on other days', async () => {
    const twoDaysBefore = new Date(dayBefore().getTime() - 86_400_000);
    expect(await enqueueMeetingReminders(api.app.db, parts(addressBook), twoDaysBefore)).toBe(0);
  });

  it('respects a parent’s opt-out', async () => {
    const token = await api.token({ role: 'PARENT', citizenId: anna });
    const mutation =
      'mutation($on: Boolean!) { setReminderChoice(input: { kind: MEETING_REMINDER, enabled: $on }) { enabled } }';
    await api.gql(token, mutation, { on: false });
    expect(await enqueueMeetingReminders(api.app.db, parts(addressBook), dayBefore())).toBe(0);
    await api.gql(token, mutation, { on: true });
  });

  it('reminds the reachable parent the day before, in their language, naming no child, once', async () => {
    expect(await enqueueMeetingReminders(api.app.db, parts(addressBook), dayBefore())).toBe(1);
    await enqueueMeetingReminders(
      api.app.db,
      parts(addressBook),
      new Date(dayBefore().getTime() + 3_600_000),
    );
    const [reminder, ...more] = reminders();
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      recipient: 'anna@example.dk',
      dedupe_key: `meeting:${planId}:${meetingOn}:${anna}`,
      reference: planId,
    });
    const [y, m, d] = meetingOn.split('-').map(Number) as [number, number, number];
    const written = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full' }).format(
      new Date(Date.UTC(y, m - 1, d, 12)),
    );
    expect(reminder?.subject).toBe(`Reminder: meeting on ${written}`);
    expect(reminder?.body).toContain(`https://helhed.kommune.example/family/${planId}`);
    expect(reminder?.body).not.toMatch(/Mikkel|Freja|Sørensen/);
  });
});
