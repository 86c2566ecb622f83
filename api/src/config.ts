import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type MailConfig, MailConfigError, mailConfigFrom } from './delivery/mail-config.js';

/** The repository root, so relative paths in the environment mean the same from every script. */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const environmentSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HELHED_PRODUCTION: flag.optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(4600),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_FILE: z.string().default('data/helhed.sqlite'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SHELL_DIR: z.string().default('shell/dist'),
  // The demo conveniences (dev identity provider, GraphiQL, open /metrics, demo seed) are off
  // unless asked for: `npm start` and the tests ask; a plain `node api/dist/main.js` does not.
  HELHED_DEMO: flag.optional(),
  DEV_AUTH: flag.optional(),
  // The demo on an address other than loopback exposes sign-in without a password: only on purpose.
  HELHED_ALLOW_REMOTE_DEMO: flag.optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_JWKS_URL: z.string().url().optional(),
  OIDC_AUDIENCE: z.string().optional(),
  CORS_ORIGINS: z.string().default(''),
  INSTRUMENT_PACKS: z.string().default(''),
  LOG_LEVEL: z.enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  // Bearer token for GET /metrics; without it /metrics is open outside production and off in it.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // Graceful shutdown (lifecycle/shutdown.ts): how long /readyz answers 503 while still serving,
  // so a load balancer stops sending traffic, then how long in-flight requests may take.
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // Per signed-in subject (or IP before sign-in); generous so a vendor's batch or the benchmark
  // (~2,500 req/s from a handful of subjects) is not throttled. 0 turns it off. docs/access.md.
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(120_000),
  // Largest request body on /graphql and /auth/*; larger answers 413.
  MAX_BODY_BYTES: z.coerce.number().int().min(1_000).max(10_000_000).default(100_000),
  // docs/design.md §4: cells under 5 citizens are suppressed; a deployment may raise it, never go below 3.
  STATISTICS_MIN_CELL_SIZE: z.coerce
    .number()
    .int()
    .min(3, 'must be at least 3 (docs/design.md §4)')
    .max(1000)
    .default(5),
  // Key for CPR numbers' keyed hashes (domain/cpr.ts); without it registration by CPR is refused.
  CPR_HMAC_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Outgoing mail (docs/delivery.md): smtp:// or smtps://, checked in delivery/mail-config.ts.
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  // Where links point (docs/family.md, docs/delivery.md); family invitation links are refused
  // without it, except in demo mode, where they point at the address the request came to.
  PUBLIC_URL: z.string().optional(),
  DAILY_REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseFile: string;
  /** PostgreSQL instead of the SQLite file when set (postgres://…). */
  databaseUrl: string | null;
  shellDir: string;
  /**
   * Demo mode (HELHED_DEMO=true): GraphiQL, introspection, /metrics without a token and the
   * demo seed. Never with a real issuer, in production or on a non-loopback address by default.
   */
  demo: boolean;
  /** The dev identity provider (/auth/dev-token); on in demo mode or with DEV_AUTH=true. */
  devAuth: boolean;
  /** Where dev-mode signing keys live; beside the database so a restart keeps tokens valid. */
  dataDir: string;
  oidc: { issuer: string; jwksUrl: string; audience: string | undefined } | null;
  corsOrigins: string[];
  instrumentPacks: string[];
  logLevel: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Bearer token that guards /metrics; null: open in demo mode, off otherwise. */
  metricsToken: string | null;
  /** Milliseconds between SIGTERM and closing the listener, while /readyz answers 503. */
  shutdownDelayMs: number;
  /** Longest wait for in-flight requests after the listener closed; then they are cut off. */
  shutdownTimeoutMs: number;
  /** Anonymous statistics: cells with fewer citizens than this are suppressed (≥ 3). */
  statisticsMinCellSize: number;
  /** Requests a minute per signed-in subject (or IP before sign-in); 0 = no limit. */
  rateLimitPerMinute: number;
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
  /**
   * The deployment's secret for CPR numbers' keyed hashes; each municipality's key is derived
   * from it. Null: registration by CPR is refused rather than stored any weaker.
   */
  cprHmacSecret: string | null;
  /** The address family links point at (`<publicUrl>/svar#t=…`); null: see PUBLIC_URL above. */
  publicUrl: string | null;
  /** Outgoing mail: SMTP, the demo's mailbox, or off (docs/delivery.md). */
  mail: MailConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const fromRoot = (p: string) => (isAbsolute(p) ? p : resolve(repoRoot, p));

/** Reads and validates the environment once; nothing else in the API reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const production = e.HELHED_PRODUCTION ?? e.NODE_ENV === 'production';
  const demo = e.HELHED_DEMO ?? false;
  const devAuth = e.DEV_AUTH ?? demo;
  if ((e.OIDC_ISSUER === undefined) !== (e.OIDC_JWKS_URL === undefined)) {
    throw new ConfigError('OIDC_ISSUER and OIDC_JWKS_URL must be set together.');
  }
  if (e.OIDC_ISSUER !== undefined && !e.OIDC_AUDIENCE) {
    throw new ConfigError('OIDC_AUDIENCE is required with OIDC_ISSUER: tokens must name this API.');
  }
  if (production && e.OIDC_ISSUER === undefined) {
    throw new ConfigError('Production mode needs OIDC_ISSUER and OIDC_JWKS_URL (see README, identity).');
  }
  assertDemoAllowed(e, { production, demo, devAuth });
  const databaseFile = fromRoot(e.DATABASE_FILE);
  let mail: MailConfig;
  try {
    mail = mailConfigFrom(e, { demo, production, host: e.HOST, port: e.PORT });
  } catch (error) {
    if (error instanceof MailConfigError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseFile,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: resolve(databaseFile, '..'),
    shellDir: fromRoot(e.SHELL_DIR),
    demo,
    devAuth,
    oidc:
      e.OIDC_ISSUER && e.OIDC_JWKS_URL
        ? { issuer: e.OIDC_ISSUER, jwksUrl: e.OIDC_JWKS_URL, audience: e.OIDC_AUDIENCE }
        : null,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    instrumentPacks: e.INSTRUMENT_PACKS.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(fromRoot),
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN ?? null,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    statisticsMinCellSize: e.STATISTICS_MIN_CELL_SIZE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    maxBodyBytes: e.MAX_BODY_BYTES,
    cprHmacSecret: e.CPR_HMAC_SECRET ?? null,
    publicUrl: publicUrlOf(e.PUBLIC_URL, production),
    mail,
  };
}

/** A link that carries a secret travels over HTTPS in production. */
function publicUrlOf(url: string | undefined, production: boolean): string | null {
  if (url === undefined) return null;
  if (production && !url.startsWith('https://')) {
    throw new ConfigError('PUBLIC_URL must be an https:// address in production: links carry a secret.');
  }
  return url.replace(/\/$/, '');
}

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);
const isLoopback = (host: string) => loopbackHosts.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * The demo conveniences let anyone sign in as anyone: a configuration that asks for them next to
 * a real deployment's settings is a mistake, so start-up stops and says which settings collide.
 */
function assertDemoAllowed(
  e: z.infer<typeof environmentSchema>,
  mode: { production: boolean; demo: boolean; devAuth: boolean },
): void {
  if (!mode.demo && !mode.devAuth) return;
  const asked = mode.demo ? 'HELHED_DEMO' : 'DEV_AUTH';
  if (mode.production) {
    throw new ConfigError(
      `${asked}=true cannot be combined with production mode (NODE_ENV=production or HELHED_PRODUCTION).`,
    );
  }
  if (e.OIDC_ISSUER !== undefined) {
    throw new ConfigError(
      `${asked}=true cannot be combined with OIDC_ISSUER: a real identity provider is configured, so the dev identity provider and demo data stay off. Unset one of them.`,
    );
  }
  if (!isLoopback(e.HOST) && !e.HELHED_ALLOW_REMOTE_DEMO) {
    throw new ConfigError(
      `${asked}=true on HOST=${e.HOST} would let anyone on the network sign in without a password. Listen on 127.0.0.1, or set HELHED_ALLOW_REMOTE_DEMO=true if that is really meant.`,
    );
  }
}
