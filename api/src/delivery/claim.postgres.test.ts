import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openPostgres } from '../db/client.js';
import { enqueueMessage } from '../domain/messages/outbox.js';
import { createLogger } from '../observability/logger.js';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../testing/postgres.js';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.js';
import { claimDueMessages } from './claim.js';
import { createSmtpSender } from './smtp-sender.js';
import { createDeliveryWorker } from './worker.js';

/**
 * Several API instances on one PostgreSQL database: each has its own pool and worker. The claim
 * is one UPDATE … RETURNING, so no message may be claimed, or sent, by two of them.
 */
let server: TestPostgres;
let smtp: TestSmtp;
beforeAll(async () => {
  [server, smtp] = await Promise.all([startTestPostgres(), startTestSmtp()]);
}, 60_000);
afterAll(async () => {
  await smtp?.stop();
  await server?.stop();
});

const now = new Date('2026-03-02T09:00:00Z');

async function instances(name: string, count: number): Promise<Db[]> {
  const url = await createTestDatabase(server.url, name);
  const first = await openPostgres(url);
  return [first, ...(await Promise.all(Array.from({ length: count - 1 }, () => openPostgres(url))))];
}

async function fill(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await enqueueMessage(
      db,
      {
        municipalityId: 'm-1',
        kind: 'DIGEST',
        recipient: `staff${i}@kommune.example`,
        subject: `Digest ${i}`,
        text: 'counts',
        dedupeKey: `digest:${i}`,
      },
      now,
    );
  }
}

describe('claiming on PostgreSQL', () => {
  it('never hands one message to two instances claiming at once', async () => {
    const dbs = await instances('claim', 4);
    try {
      await fill(dbs[0] as Db, 60);
      const claimed: string[] = [];
      // Every instance claims small batches as fast as it can until nothing is left.
      await Promise.all(
        dbs.map(async (db) => {
          for (;;) {
            const batch = await claimDueMessages(db, now, 120_000, 3);
            if (batch.length === 0) return;
            claimed.push(...batch.map((m) => m.id));
          }
        }),
      );
      expect(claimed).toHaveLength(60);
      expect(new Set(claimed).size).toBe(60);
    } finally {
      await Promise.all(dbs.map((db) => db.$close()));
    }
  });

  it('sends each message once when two workers share the database', async () => {
    const dbs = await instances('send', 2);
    smtp.received.length = 0;
    try {
      await fill(dbs[0] as Db, 30);
      const workers = dbs.map((db) =>
        createDeliveryWorker({
          db,
          sender: createSmtpSender({
            smtpUrl: smtp.url,
            from: 'no-reply@kommune.example',
            requireTls: false,
          }),
          now: () => now,
          logger: createLogger('silent'),
          batchSize: 2,
        }),
      );
      const attempted = await Promise.all(workers.map((w) => w.runOnce()));
      expect((attempted[0] ?? 0) + (attempted[1] ?? 0)).toBe(30);
      const ids = smtp.received.map((m) => m.headers.get('message-id'));
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      const pool = dbs[0]?.$postgres;
      const statuses = await pool?.query<{ status: string; n: string; bodies: string }>(
        'select status, count(*) as n, max(body) as bodies from outbox_message group by status',
      );
      expect(statuses?.rows).toEqual([{ status: 'SENT', n: '30', bodies: '' }]);
    } finally {
      await Promise.all(dbs.map((db) => db.$close()));
    }
  });
});
