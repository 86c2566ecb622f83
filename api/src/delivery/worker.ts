import type { Db } from '../db/client.js';
import { onEnqueued } from '../domain/messages/enqueued-signal.js';
import type { Logger } from '../observability/logger.js';
import { type ClaimedMessage, claimDueMessages, markAttemptFailed, markSent } from './claim.js';
import type { MessageSender } from './sender.js';

export interface DeliveryWorkerOptions {
  db: Db;
  sender: MessageSender;
  now: () => Date;
  logger: Logger;
  /** How often to look for due messages when nothing wakes the worker. */
  pollMs?: number;
  /** How long a claim keeps other instances off a message; a send must finish well within it. */
  leaseMs?: number;
  batchSize?: number;
}

export interface DeliveryWorker {
  /** Claims and sends what is due now, once; answers how many messages were attempted. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops polling and waits for the batch in hand, so the database can close after it. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 120_000;

/**
 * Sends the outbox (docs/delivery.md): claims due messages with a lease, hands each to the
 * sender, records SENT or the failed attempt. Woken by an enqueue in this process, otherwise
 * polling. Each message is sent once, except after a crash between the receiver's acceptance and
 * the SENT update: it is then sent again with the same Message-ID, which receivers can drop.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, sender, now, logger } = options;
  const pollMs = options.pollMs ?? 5_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const batchSize = options.batchSize ?? 10;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = true;
  /** Set by stop(): a batch in hand finishes, no new one is claimed. */
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe = () => {};

  const deliver = async (m: ClaimedMessage) => {
    try {
      await sender.send({
        outboxId: m.id,
        municipalityId: m.municipalityId,
        kind: m.kind,
        to: m.recipient,
        subject: m.subject,
        text: m.body,
      });
    } catch (error) {
      const outcome = await markAttemptFailed(db, m, error, now());
      logger.warn({ event: 'delivery.failed', kind: m.kind, attempts: m.attempts + 1, outcome }, 'not sent');
      return;
    }
    await markSent(db, m, sender.channel, sender.keepsBody === true, now());
  };

  const runBatches = async (): Promise<number> => {
    let attempted = 0;
    for (;;) {
      const claimed = await claimDueMessages(db, now(), leaseMs, batchSize);
      for (const m of claimed) await deliver(m);
      attempted += claimed.length;
      // Until a claim comes back empty: on PostgreSQL a short batch can mean that another
      // instance held some of the due rows, not that nothing is left.
      if (claimed.length === 0 || stopping) return attempted;
    }
  };

  const runOnce = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = runBatches().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void tick();
      }
    });
    return running;
  };

  const tick = async () => {
    clearTimeout(timer);
    try {
      await runOnce();
    } catch (error) {
      logger.error({ event: 'delivery.error', kind: (error as Error)?.name }, 'delivery round failed');
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), pollMs);
      timer.unref();
    }
  };

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      // A short pause lets the enqueuing transaction commit before the worker looks.
      unsubscribe = onEnqueued(() => {
        if (stopped) return;
        clearTimeout(timer);
        timer = setTimeout(() => void tick(), 25);
        timer.unref();
      });
      void tick();
    },
    async stop() {
      stopped = true;
      stopping = true;
      unsubscribe();
      clearTimeout(timer);
      await running?.catch(() => 0);
      sender.close?.();
    },
  };
}
