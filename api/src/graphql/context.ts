import type { Actor } from '../access/actor.js';
import type { RequestState } from '../access/request-state.js';
import type { Db } from '../db/client.js';
import type { DeliveryInfo } from '../delivery/delivery.js';
import type { CprKeyring } from '../domain/cpr.js';
import type { ReportCache } from '../domain/economy/report-cache.js';
import type { EconomyStatistics } from '../domain/economy-statistics.js';
import { unauthenticated } from '../domain/errors.js';
import type { InstrumentCatalog } from '../domain/instrument-catalog.js';
import type { InvitationSettings } from '../domain/invitations.js';
import type { Locale } from '../domain/locale.js';
import type { StatisticsRunner } from '../domain/statistics/runner.js';
import type { Loaders } from './loaders.js';

/** Built once per request by the server. */
export interface HelhedContext {
  db: Db;
  actor: Actor | null;
  locale: Locale;
  instruments: InstrumentCatalog;
  now: () => Date;
  loaders: Loaders;
  /**
   * What this request has learnt (grants, plan scopes), made here and handed to the policy on
   * the actor (`actor.request` is this object), so nothing per request lives in a module.
   */
  request: RequestState;
  /**
   * Anonymous statistics: the off-thread runner, the deployment's smallest published cell, and
   * the month's cost reports (docs/economy.md).
   */
  statistics: {
    runner: StatisticsRunner;
    minCellSize: number;
    economyReports: ReportCache<EconomyStatistics>;
  };
  /** Keyed hashes of CPR numbers; null when no secret is configured (CPR registration refused). */
  cprKeyring: CprKeyring | null;
  /** Where invitation links point and whether e-mail can leave (docs/family.md). */
  invitations: InvitationSettings;
  /** Whether e-mail can leave (refuse an e-mail invitation when not) and the base of links. */
  delivery: DeliveryInfo;
}

export function requireActor(ctx: HelhedContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
