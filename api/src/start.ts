import { createServer as createHttpServer } from 'node:http';
import { eq } from 'drizzle-orm';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseOpenError, type Db } from './db/client.js';
import { DEMO_MUNICIPALITY_CODE } from './db/seed/demo.js';
import { citizen, department, familyMember, municipality } from './db/tables.js';
import { createShutdown } from './lifecycle/shutdown.js';
import { safeError } from './observability/logger.js';

/** Start-up only: config, database and migrations, demo seed, listen, graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { db, identity, handle, close, logger, lifecycle, delivery } = await createApp(config);
  // handle() logs and answers its own errors (observability/requests.ts) without their messages.
  const server = createHttpServer((req, res) => void handle(req, res));
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `Port ${config.port} is already in use. Stop the other program or choose another port: PORT=4601 npm start`,
      );
    } else {
      console.error(`Could not listen on ${config.host}:${config.port}: ${error.message}`);
    }
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
    logger.info({ event: 'startup', port, production: config.production }, 'listening');
    console.log(`Helhed is running at ${url}`);
    if (!config.oidc && !identity.devIssuer) {
      console.log(
        'No identity provider is configured, so nobody can sign in: set OIDC_ISSUER, OIDC_JWKS_URL and OIDC_AUDIENCE, or HELHED_DEMO=true for the demo (npm start does).',
      );
    }
    if (delivery.mailbox) console.log(`Mail the demo would send: ${url}demo/mailbox`);
    if (!delivery.emailEnabled) console.log('E-mail is off: set SMTP_URL and MAIL_FROM to send invitations.');
    if (identity.devIssuer) {
      printDemoLogins(db).catch((error: unknown) =>
        logger.error({ err: safeError(error) }, 'could not list the demo roles'),
      );
    }
  });
  const shutdown = createShutdown({
    server,
    lifecycle,
    logger,
    delayMs: config.shutdownDelayMs,
    timeoutMs: config.shutdownTimeoutMs,
    close,
    exit: (code) => process.exit(code),
  });
  const onSignal = (signal: string) => {
    console.log(`${signal}: finishing open requests, then closing the database.`);
    void shutdown(signal);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

/** Tells a new user who they can be in the demo; the shell's login page offers the same. */
async function printDemoLogins(db: Db): Promise<void> {
  const mun = (await db.select().from(municipality).where(eq(municipality.code, DEMO_MUNICIPALITY_CODE)))[0];
  if (!mun) return;
  const depts = await db.select().from(department).where(eq(department.municipalityId, mun.id));
  const parents = await db
    .select({ name: citizen.displayName })
    .from(familyMember)
    .innerJoin(citizen, eq(citizen.id, familyMember.citizenId))
    .where(eq(familyMember.role, 'PARENT'));
  console.log('Log in on the start page as one of the demo roles (dev identity provider, no password):');
  for (const d of depts) console.log(`  PROFESSIONAL in ${d.name} (${d.kind})`);
  console.log('  COORDINATOR, ANALYST, INTEGRATION, ADMIN');
  for (const p of parents) console.log(`  PARENT: ${p.name}`);
  console.log('Tokens for API calls: POST /auth/dev-token {"role": "...", "departmentId": "..."}');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError) {
    console.error(`Helhed cannot start: ${error.message}`);
  } else {
    console.error('Helhed cannot start:', error);
  }
  process.exit(1);
});
