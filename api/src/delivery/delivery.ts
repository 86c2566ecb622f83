import type { ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { InstrumentCatalog } from '../domain/instrument-catalog.js';
import type { Logger } from '../observability/logger.js';
import { type FamilyAddressBook, noFamilyAddresses } from './address-book.js';
import { createDailySchedule, type DailySchedule } from './daily.js';
import { enqueueDigests } from './digest.js';
import { serveMailbox } from './mailbox-page.js';
import { createMailboxSender } from './mailbox-sender.js';
import { enqueueMeetingReminders } from './meeting-reminders.js';
import type { MessageSender } from './sender.js';
import { createSmtpSender } from './smtp-sender.js';
import { createDeliveryWorker, type DeliveryWorker } from './worker.js';

/** What requests may ask of delivery (`ctx.delivery`). */
export interface DeliveryInfo {
  /**
   * False outside demo mode without SMTP_URL: nothing can be e-mailed, so a feature that would
   * e-mail (an invitation by e-mail) must refuse with a clear error instead of queueing in vain.
   */
  emailEnabled: boolean;
  /** Base of links in messages, ending in `/` (PUBLIC_URL). */
  publicUrl: string;
}

export interface Delivery extends DeliveryInfo {
  /** Null when e-mail is off: nothing is sent and no daily jobs run. */
  worker: DeliveryWorker | null;
  daily: DailySchedule | null;
  /** GET /demo/mailbox in demo mode without SMTP; null otherwise (the server answers 404). */
  mailbox: ((res: ServerResponse) => Promise<void>) | null;
  start(): void;
  stop(): Promise<void>;
}

export interface DeliveryParts {
  config: Config;
  db: Db;
  instruments: InstrumentCatalog;
  now: () => Date;
  logger: Logger;
  /** Replaces the configured sender (an adapter for Digital Post or SMS). */
  sender?: MessageSender;
  /** Where family members' meeting reminders go; none by default (docs/delivery.md). */
  addressBook?: FamilyAddressBook;
  pollMs?: number;
}

/** Composes delivery from the configuration: the sender, the worker and the daily jobs. */
export function createDelivery(parts: DeliveryParts): Delivery {
  const { config, db, now, logger } = parts;
  const mail = config.mail;
  const sender =
    parts.sender ??
    (mail.mode === 'SMTP' ? createSmtpSender(mail) : mail.mode === 'MAILBOX' ? createMailboxSender() : null);
  const worker = sender
    ? createDeliveryWorker({ db, sender, now, logger, ...(parts.pollMs ? { pollMs: parts.pollMs } : {}) })
    : null;
  const daily = sender
    ? createDailySchedule({
        hour: mail.dailyHour,
        now,
        logger,
        run: async (at) => {
          const common = { publicUrl: mail.publicUrl, logger };
          const digests = await enqueueDigests(db, { ...common, instruments: parts.instruments }, at);
          const reminders = await enqueueMeetingReminders(
            db,
            { ...common, addressBook: parts.addressBook ?? noFamilyAddresses },
            at,
          );
          logger.info({ event: 'daily.done', digests, reminders }, 'daily reminders enqueued');
        },
      })
    : null;
  return {
    emailEnabled: sender !== null,
    publicUrl: mail.publicUrl,
    worker,
    daily,
    mailbox: config.demo && mail.mode === 'MAILBOX' ? (res) => serveMailbox(db, res) : null,
    start() {
      worker?.start();
      daily?.start();
    },
    async stop() {
      await daily?.stop();
      await worker?.stop();
    },
  };
}
