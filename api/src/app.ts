import { eq } from 'drizzle-orm';
import { createIdentity, type Identity } from './access/identity.js';
import type { Config } from './config.js';
import { type Db, openDatabase } from './db/client.js';
import { municipality } from './db/schema/index.js';
import { seedDemo } from './db/seed/demo.js';
import { createInstrumentCatalog } from './domain/instrument-catalog.js';
import { loadInstrumentPackFile } from './domain/instruments/pack-file.js';
import { createLifecycle, type Lifecycle } from './lifecycle/lifecycle.js';
import { createLogger, type Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import { createServer } from './server.js';

export interface App {
  config: Config;
  db: Db;
  identity: Identity;
  handle: ReturnType<typeof createServer>['handle'];
  logger: Logger;
  /** Draining state: main.ts drives it on SIGTERM, /readyz reads it. */
  lifecycle: Lifecycle;
  metrics: Metrics;
  close(): void;
}

/**
 * Everything the API needs except a socket: opens and migrates the database, seeds the demo
 * municipality outside production, loads instrument packs and composes the server. Used by
 * main.ts, and by tests that serve the real API in-process.
 */
export async function createApp(
  config: Config,
  options: { seed?: boolean; logger?: Logger } = {},
): Promise<App> {
  const db = openDatabase(config.databaseFile);
  if (options.seed ?? !config.production) {
    const seeded = seedDemo(db);
    if (config.logLevel !== 'silent')
      console.log(seeded.created ? 'Seeded Demo Kommune (fictional data).' : 'Using existing data.');
  }
  const packs = config.instrumentPacks.map(loadInstrumentPackFile);
  const codeOf = (id: string) => db.select().from(municipality).where(eq(municipality.id, id)).get()?.code;
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
  });
  const close = () => {
    void server.close();
    db.$client.close();
  };
  return { config, db, identity, handle: server.handle, logger, lifecycle, metrics: server.metrics, close };
}
