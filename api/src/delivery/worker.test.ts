import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase, sqliteOf } from '../db/client.js';
import { enqueueMessage, type OutgoingMessage } from '../domain/messages/outbox.js';
import { createLogger } from '../observability/logger.js';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.js';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
import { claimDueMessages } from './claim.js';
import { createMailboxSender } from './mailbox-sender.js';
import { createSmtpSender } from './smtp-sender.js';
import { createDeliveryWorker } from './worker.js';

let smtp: TestSmtp;
let dir: string;
let db: Db;
let clock: Date;
const start = new Date('2026-03-02T09:00:00Z');
const secret = 'k7P2-link-secret';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  municipalityId: 'm-1',
  kind: 'INVITATION',
  recipient: 'parent@example.dk',
  subject: 'Please answer',
  text: `Open https://helhed.example/i/${secret}`,
  dedupeKey: 'invitation:1',
  reference: 'inv-1',
  ...over,
});

type Row = {
  id: string;
  status: string;
  body: string;
  attempts: number;
  not_before: number;
  sent_at: number | null;
  last_error: string | null;
  channel: string;
};
const row = (id: string) => sqliteOf(db).prepare('select * from outbox_message where id = ?').get(id) as Row;

const worker = () =>
  createDeliveryWorker({
    db,
    sender: createSmtpSender({
      smtpUrl: smtp.url,
      from: 'Helhed <no-reply@kommune.example>',
      requireTls: false,
    }),
    now: () => clock,
    logger: createLogger('silent'),
  });

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.stop());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'helhed-worker-'));
  db = openDatabase(join(dir, 'helhed.sqlite'));
  clock = start;
  smtp.received.length = 0;
  smtp.refuse = false;
  smtp.delayMs = 0;
});
afterEach(async () => {
  await db.$close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the delivery worker over SMTP', () => {
  it('delivers to the SMTP server with subject, body and a Message-ID from the outbox id, then blanks the body', async () => {
    const id = await enqueueMessage(db, message(), clock);
    expect(await worker().runOnce()).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['parent@example.dk']);
    expect(mail?.from).toBe('no-reply@kommune.example');
    expect(mail?.headers.get('subject')).toBe('Please answer');
    expect(mail?.headers.get('message-id')).toBe(`<${id}@kommune.example>`);
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail?.text).toContain(`https://helhed.example/i/${secret}`);
    expect(row(id)).toMatchObject({
      status: 'SENT',
      body: '',
      attempts: 1,
      sent_at: clock.getTime(),
      channel: 'smtp',
    });
    // Sent once: another round finds nothing to send.
    expect(await worker().runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('waits for notBefore by the injected clock', async () => {
    const id = await enqueueMessage(db, message({ notBefore: new Date(start.getTime() + 3_600_000) }), clock);
    expect(await worker().runOnce()).toBe(0);
    clock = new Date(start.getTime() + 3_600_000);
    expect(await worker().runOnce()).toBe(1);
    expect(row(id).status).toBe('SENT');
  });

  it('backs off after a refusal (1 min, doubling) and gives up as FAILED after the last attempt, keeping no secret', async () => {
    smtp.refuse = true;
    const id = await enqueueMessage(db, message(), clock);
    const w = worker();
    expect(await w.runOnce()).toBe(1);
    expect(row(id)).toMatchObject({ status: 'PENDING', attempts: 1, not_before: start.getTime() + 60_000 });
    // Not retried before its time.
    clock = new Date(start.getTime() + 59_000);
    expect(await w.runOnce()).toBe(0);
    clock = new Date(start.getTime() + 60_000);
    expect(await w.runOnce()).toBe(1);
    expect(row(id)).toMatchObject({ attempts: 2, not_before: clock.getTime() + 120_000 });
    for (let attempt = 3; attempt <= MAX_ATTEMPTS; attempt++) {
      clock = new Date(row(id).not_before);
      expect(await w.runOnce()).toBe(1);
    }
    const failed = row(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS, body: '' });
    expect(failed.last_error).toMatch(/550/);
    expect(failed.last_error).not.toMatch(/parent@example\.dk|secret|helhed\.example/);
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await w.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('caps the back-off at one hour', () => {
    expect([1, 2, 3, 6, 7, 20].map(retryDelayMs)).toEqual([
      60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('records an unreachable server as a failed attempt by its code', async () => {
    const id = await enqueueMessage(db, message(), clock);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createDeliveryWorker({
      db,
      sender: createSmtpSender({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'no-reply@kommune.example',
        requireTls: false,
      }),
      now: () => clock,
      logger: createLogger('silent'),
    });
    expect(await unreachable.runOnce()).toBe(1);
    expect(row(id)).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row(id).last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
  });

  it('leaves a claimed message to its holder until the lease runs out', async () => {
    const id = await enqueueMessage(db, message(), clock);
    expect((await claimDueMessages(db, clock, 120_000, 10)).map((m) => m.id)).toEqual([id]);
    expect(await claimDueMessages(db, new Date(start.getTime() + 119_000), 120_000, 10)).toEqual([]);
    // A holder that crashed: after the lease another worker takes the message over.
    expect(
      (await claimDueMessages(db, new Date(start.getTime() + 121_000), 120_000, 10)).map((m) => m.id),
    ).toEqual([id]);
  });

  it('wakes on an enqueue in the same process instead of waiting for the poll', async () => {
    const w = createDeliveryWorker({
      db,
      sender: createSmtpSender({ smtpUrl: smtp.url, from: 'no-reply@kommune.example', requireTls: false }),
      now: () => clock,
      logger: createLogger('silent'),
      pollMs: 600_000,
    });
    w.start();
    try {
      await new Promise((r) => setTimeout(r, 100));
      await enqueueMessage(db, message(), clock);
      await smtp.waitFor(1, 5_000);
    } finally {
      await w.stop();
    }
  });

  it('finishes the message in hand when stopped, records it, and claims nothing more', async () => {
    smtp.delayMs = 300;
    const first = await enqueueMessage(db, message(), clock);
    const w = worker();
    w.start();
    // Stop while the SMTP server is still taking the first message.
    for (
      let waited = 0;
      row(first).status === 'PENDING' &&
      !sqliteOf(db).prepare('select claimed_until from outbox_message').get();
      waited += 10
    ) {
      if (waited > 5_000) throw new Error('never claimed');
      await new Promise((r) => setTimeout(r, 10));
    }
    await w.stop();
    expect(row(first).status).toBe('SENT');
    const second = await enqueueMessage(db, message({ dedupeKey: 'invitation:2' }), clock);
    await new Promise((r) => setTimeout(r, 200));
    expect(row(second).status).toBe('PENDING');
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps the body for the demo mailbox, which sends nothing anywhere', async () => {
    const id = await enqueueMessage(db, message(), clock);
    const demo = createDeliveryWorker({
      db,
      sender: createMailboxSender(),
      now: () => clock,
      logger: createLogger('silent'),
    });
    expect(await demo.runOnce()).toBe(1);
    expect(row(id)).toMatchObject({ status: 'SENT', channel: 'demo-mailbox', body: message().text });
    expect(smtp.received).toHaveLength(0);
  });
});
