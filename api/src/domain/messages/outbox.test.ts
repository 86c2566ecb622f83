import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase, sqliteOf } from '../../db/client.js';
import { cancelMessages, deliveryStatusOf, enqueueMessage, type OutgoingMessage } from './outbox.js';

let dir: string;
let db: Db;
const now = new Date('2026-03-02T09:00:00Z');
const municipalityId = 'm-1';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  municipalityId,
  kind: 'INVITATION',
  recipient: 'parent@example.dk',
  subject: 'Subject',
  text: 'Open https://helhed.example/i/secret-token',
  dedupeKey: 'invitation:1',
  reference: 'inv-1',
  ...over,
});

const rows = () =>
  sqliteOf(db)
    .prepare('select id, kind, status, body, not_before from outbox_message order by created_at')
    .all() as {
    id: string;
    kind: string;
    status: string;
    body: string;
    not_before: number;
  }[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'helhed-outbox-'));
  db = openDatabase(join(dir, 'helhed.sqlite'));
});
afterEach(async () => {
  await db.$close();
  rmSync(dir, { recursive: true, force: true });
});

describe('enqueueMessage', () => {
  it('stores a message once per dedupe key and answers the first id on a repeat', async () => {
    const first = await enqueueMessage(db, message(), now);
    const again = await enqueueMessage(db, message({ subject: 'Other', text: 'other' }), now);
    expect(again).toBe(first);
    expect(rows()).toMatchObject([{ id: first, status: 'PENDING', body: message().text }]);
    // The same key in another municipality is another message.
    expect(await enqueueMessage(db, message({ municipalityId: 'm-2' }), now)).not.toBe(first);
  });

  it('is not due before notBefore, and due now by default', async () => {
    const later = new Date(now.getTime() + 86_400_000);
    await enqueueMessage(db, message({ dedupeKey: 'a', notBefore: later }), now);
    await enqueueMessage(db, message({ dedupeKey: 'b' }), now);
    expect(rows().map((r) => r.not_before)).toEqual([later.getTime(), now.getTime()]);
  });

  it('refuses an address that is not one, naming the field, and writes nothing', async () => {
    await expect(enqueueMessage(db, message({ recipient: 'not an address' }), now)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
    expect(rows()).toEqual([]);
  });

  it('commits and rolls back with the transaction that announces the message', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMessage(tx, message(), now);
        throw new Error('the invitation could not be stored');
      }),
    ).rejects.toThrow(/invitation/);
    expect(rows()).toEqual([]);
  });
});

describe('cancelMessages and deliveryStatusOf', () => {
  it('cancels pending messages of the given kinds about a reference and blanks their bodies', async () => {
    await enqueueMessage(db, message(), now);
    await enqueueMessage(db, message({ kind: 'INVITATION_REMINDER', dedupeKey: 'reminder:1' }), now);
    await enqueueMessage(
      db,
      message({ kind: 'INVITATION_REMINDER', dedupeKey: 'r:2', reference: 'inv-2' }),
      now,
    );
    expect(await cancelMessages(db, municipalityId, 'inv-1', ['INVITATION_REMINDER'], now)).toBe(1);
    expect(await deliveryStatusOf(db, municipalityId, 'inv-1', 'INVITATION_REMINDER')).toBe('CANCELLED');
    expect(await deliveryStatusOf(db, municipalityId, 'inv-1', 'INVITATION')).toBe('PENDING');
    expect(await deliveryStatusOf(db, municipalityId, 'inv-2', 'INVITATION_REMINDER')).toBe('PENDING');
    expect(rows().find((r) => r.status === 'CANCELLED')?.body).toBe('');
    // Cancelling again finds nothing pending; another municipality's reference is not touched.
    expect(await cancelMessages(db, municipalityId, 'inv-1', ['INVITATION_REMINDER'], now)).toBe(0);
    expect(await cancelMessages(db, 'm-2', 'inv-2', ['INVITATION_REMINDER'], now)).toBe(0);
  });

  it('answers null for a reference with no message of the kind', async () => {
    expect(await deliveryStatusOf(db, municipalityId, 'nothing', 'INVITATION')).toBeNull();
  });
});
