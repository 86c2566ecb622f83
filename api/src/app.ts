import { createIdentity, type Identity } from './access/identity.js';
import type { Config } from './config.js';
import { startCheckpointer } from './db/checkpointer.js';
import { type Db, openDatabase, openPostgres } from './db/client.js';
import { seedDemo } from './db/seed/demo.js';
import { municipality } from './db/tables.js';
import { createInstrumentCatalog } from './domain/instrument-catalog.js';
import { loadInstrumentPackFile } from './domain/instruments/pack-file.js';
import { createLifecycle, type Lifecycle } from './lifecycle/lifecycle.js';
import { createLogger, type Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import { createServer, type ServerParts } from './server.js';

export interface App {
  config: Config;
  db: Db;
  identity: Identity;
  handle: ReturnType<typeof createServer>['handle'];
  logger: Logger;
  /** Draining state: start.ts drives it on SIGTERM, /readyz reads it. */
  lifecycle: Lifecycle;
  metrics: Metrics;
  /** The outbox worker and daily reminder jobs (docs/delivery.md). */
  delivery: ReturnType<typeof createServer>['delivery'];
  /** Stops delivery (waiting for a message in hand), then closes the server and the database. */
  close(): Promise<void>;
}

/**
 * Everything the API needs except a socket: opens and migrates the database, seeds the demo
 * municipality in demo mode, loads instrument packs and composes the server. Used by
 * start.ts, and by tests that serve the real API in-process.
 */
export async function createApp(
  config: Config,
  options: {
    seed?: boolean;
    logger?: Logger;
    /** The clock every decision by "now" reads (default: the system clock); tests pin it. */
    now?: () => Date;
    /** Another message sender or family address book (docs/delivery.md); tests inject theirs. */
    delivery?: ServerParts['delivery'];
  } = {},
): Promise<App> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : openDatabase(config.databaseFile);
  // SQLite's WAL checkpoints run on a worker thread, not inside a request's commit.
  const checkpointer = startCheckpointer(db);
  if (options.seed ?? config.demo) {
    const seeded = await seedDemo(db, options.now?.());
    if (config.logLevel !== 'silent')
      console.log(seeded.created ? 'Seeded Demo Kommune (fictional data).' : 'Using existing data.');
  }
  const packs = config.instrumentPacks.map(loadInstrumentPackFile);
  // Municipalities are created by seeding and provisioning, not by requests: read their codes once.
  const codes = new Map(
    (await db.select({ id: municipality.id, code: municipality.code }).from(municipality)).map((m) => [
      m.id,
      m.code,
    ]),
  );
  const codeOf = (id: string) => codes.get(id);
  const identity = await createIdentity(config);
  const logger = options.logger ?? createLogger(config.logLevel);
  const lifecycle = createLifecycle();
  const server = createServer({
    config,
    db,
    identity,
    instruments: createInstrumentCatalog(packs, codeOf),
    logger,
    lifecycle,
    ...(options.now ? { now: options.now } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  server.delivery.start();
  const close = async () => {
    await server.delivery.stop();
    void server.close();
    await checkpointer.stop();
    await db.$close();
  };
  return {
    config,
    db,
    identity,
    handle: server.handle,
    logger,
    lifecycle,
    metrics: server.metrics,
    delivery: server.delivery,
    close,
  };
}
