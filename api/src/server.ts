import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import type { Actor } from './access/actor.js';
import { issueDevToken, listDevIdentities } from './access/dev-token.js';
import type { Identity } from './access/identity.js';
import { createRequestState } from './access/request-state.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { auditEventHighWater, databaseProbe } from './db/health.js';
import { createDelivery, type DeliveryParts } from './delivery/delivery.js';
import { createCprKeyring } from './domain/cpr.js';
import { createReportCache } from './domain/economy/report-cache.js';
import type { EconomyStatistics } from './domain/economy-statistics.js';
import { unauthenticated } from './domain/errors.js';
import type { InstrumentCatalog } from './domain/instrument-catalog.js';
import { localeFrom } from './domain/locale.js';
import { createStaffSignIn } from './domain/staff-sign-in.js';
import { createStatisticsRunner } from './domain/statistics/runner.js';
import { createFhirHandler } from './fhir/http.js';
import type { HelhedContext } from './graphql/context.js';
import { toGraphQLError, useDomainErrors } from './graphql/errors.js';
import {
  useCsrfHeader,
  useDocumentLimits,
  useLimitErrorCode,
  useListSizeLimit,
  useNoIntrospection,
  useRequestErrorCode,
} from './graphql/hardening.js';
import { createLoaders } from './graphql/loaders.js';
import { createHelhedSchema } from './graphql/schema.js';
import { createHealthEndpoints } from './http/health.js';
import { createMetricsEndpoint } from './http/metrics-endpoint.js';
import { createRateLimiter, type RateLimiter } from './http/rate-limit.js';
import { createStaticHandler } from './http/static-files.js';
import { createLifecycle, type Lifecycle } from './lifecycle/lifecycle.js';
import { useEndStreamsOnShutdown } from './lifecycle/streams.js';
import { type OperationRecords, useOperationTelemetry } from './observability/graphql-telemetry.js';
import { createLogger, type Logger, yogaLogger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { observeRequests } from './observability/requests.js';

export interface ServerParts {
  config: Config;
  db: Db;
  identity: Identity;
  instruments: InstrumentCatalog;
  now?: () => Date;
  /** Structured logs; silent when absent. */
  logger?: Logger;
  /** Draining state for /readyz and shutdown; a fresh one when absent. */
  lifecycle?: Lifecycle;
  /** Prometheus metrics; a fresh registry when absent. */
  metrics?: Metrics;
  /** Another sender (a Digital Post adapter) or a family address book (docs/delivery.md). */
  delivery?: Pick<DeliveryParts, 'sender' | 'addressBook' | 'pollMs'>;
}

/** The node request behind each yoga request, for the caller's address. */
type ServerContext = { req: IncomingMessage; res: ServerResponse };

/**
 * The hardening plugins, in one place (docs/access.md): CSRF header on simple requests,
 * document limits without suggestions, and no introspection outside demo mode. Masked errors,
 * GraphiQL, CORS, body size and rate limits are set where yoga and the handler take them.
 */
function hardening(config: Config): Plugin[] {
  return [
    useCsrfHeader(),
    useDocumentLimits(),
    useListSizeLimit(),
    useLimitErrorCode(),
    useRequestErrorCode(),
    ...(config.demo ? [] : [useNoIntrospection()]),
  ];
}

/**
 * CORS for the listed vendor origins only, never with credentials. An unlisted origin gets no
 * CORS headers at all (yoga would otherwise name the one listed origin to everyone).
 */
function corsFor(origins: readonly string[]) {
  if (origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    return origin && allowed.has(origin) ? { origin: [origin], credentials: false } : (false as const);
  };
}

/** 429 with Retry-After once the caller's bucket is empty (http/rate-limit.ts). */
function assertWithinRate(limiter: RateLimiter, key: string): void {
  const wait = limiter.take(key);
  if (wait === 0) return;
  throw createGraphQLError('Too many requests: slow down and retry later.', {
    extensions: {
      code: 'RATE_LIMITED',
      http: { status: 429, headers: { 'Retry-After': String(wait) } },
    },
  });
}

/** Composes the API in one place: GraphQL, the dev identity provider, health and the shell. */
export function createServer(parts: ServerParts) {
  const { config, db, identity, instruments } = parts;
  const now = parts.now ?? (() => new Date());
  const statistics = {
    runner: createStatisticsRunner(db),
    minCellSize: config.statisticsMinCellSize,
    economyReports: createReportCache<EconomyStatistics>(),
  };
  const cprKeyring = config.cprHmacSecret ? createCprKeyring(config.cprHmacSecret) : null;
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  const staffSignIn = createStaffSignIn(db);
  const logger = parts.logger ?? createLogger('silent');
  const lifecycle = parts.lifecycle ?? createLifecycle();
  const metrics = parts.metrics ?? createMetrics({ auditEvents: auditEventHighWater(db) });
  const records: OperationRecords = new WeakMap();
  const delivery = createDelivery({ config, db, instruments, now, logger, ...parts.delivery });
  const deliveryInfo = { emailEnabled: delivery.emailEnabled, publicUrl: delivery.publicUrl };
  const yoga = createYoga<object, HelhedContext>({
    schema: createHelhedSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: config.demo,
    landingPage: false,
    // Outside the demo an unexpected error's message or stack is never shown, whatever NODE_ENV says.
    maskedErrors: config.demo ? true : { isDev: false },
    plugins: [
      // First: the core's refusals become GraphQL errors before masking, telemetry or codes look.
      useDomainErrors(),
      ...hardening(config),
      useOperationTelemetry(records, metrics),
      useEndStreamsOnShutdown(lifecycle.streamsEnd),
    ],
    cors: corsFor(config.corsOrigins),
    // Through pino, with unexpected errors reduced to kind, code and frames (no messages).
    logging: yogaLogger(logger),
    context: async (initial) => {
      const { request } = initial;
      const { req } = initial as Partial<ServerContext>;
      const header = request.headers.get('authorization');
      let actor: Actor | null = null;
      const ipKey = `ip:${req?.socket.remoteAddress ?? 'unknown'}`;
      if (header) {
        const match = /^Bearer (.+)$/i.exec(header);
        if (!match?.[1])
          throw toGraphQLError(unauthenticated('Send the token as "Authorization: Bearer <token>".'));
        try {
          actor = await identity.verifier.verify(match[1], request.headers.get('x-helhed-purpose'));
          actor.at = now();
        } catch {
          assertWithinRate(limiter, ipKey);
          throw toGraphQLError(unauthenticated('The token is invalid or expired.'));
        }
      }
      assertWithinRate(limiter, actor ? `sub:${actor.municipalityId}:${actor.subject}` : ipKey);
      if (actor) await staffSignIn(actor, actor.at ?? now());
      const requestState = createRequestState();
      if (actor) actor.request = requestState;
      return {
        db,
        actor,
        request: requestState,
        locale: localeFrom(request.headers.get('accept-language')),
        instruments,
        now,
        loaders: createLoaders(db),
        statistics,
        cprKeyring,
        invitations: {
          publicUrl: config.publicUrl ?? (config.demo ? new URL(request.url).origin : null),
          emailEnabled: delivery.emailEnabled,
        },
        delivery: deliveryInfo,
      };
    },
  });
  const serveShell = createStaticHandler(config.shellDir);
  const serveFhir = createFhirHandler({
    db,
    identity,
    instruments,
    now,
    maxBodyBytes: config.maxBodyBytes,
    limiter,
  });
  const health = createHealthEndpoints({ lifecycle, probeDatabase: databaseProbe(db) });
  const serveMetrics = createMetricsEndpoint(metrics.registry, {
    token: config.metricsToken,
    open: config.demo,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (
      (path === '/graphql' || path?.startsWith('/auth/')) &&
      !bodyWithinLimit(req, res, config.maxBodyBytes)
    )
      return;
    if (path === '/graphql') return yoga(req, res);
    if (path === '/fhir' || path?.startsWith('/fhir/')) return serveFhir(req, res);
    if (path === '/healthz') return health.healthz(res);
    if (path === '/readyz') return health.readyz(res);
    if (path === '/metrics') return serveMetrics(req, res);
    if (path === '/demo/mailbox') {
      return delivery.mailbox
        ? delivery.mailbox(res)
        : json(res, 404, { error: 'The demo mailbox exists only in demo mode without SMTP_URL.' });
    }
    if (path?.startsWith('/auth/') && !identity.devIssuer)
      return json(res, 404, {
        error: 'The dev identity provider is off (set HELHED_DEMO=true for the demo).',
      });
    if (path === '/auth/dev-identities') return json(res, 200, await listDevIdentities(db));
    if (path === '/auth/dev-token' && identity.devIssuer) {
      if (req.method !== 'POST') return json(res, 405, { error: 'Use POST.' });
      const body = await readJson(req, config.maxBodyBytes);
      if (body === undefined) return json(res, 400, { error: 'Send a JSON body.' });
      const result = await issueDevToken(db, identity.devIssuer, body);
      return result.status === 200
        ? json(res, 200, { token: result.token })
        : json(res, result.status, { error: result.error });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return json(res, 405, { error: 'Method not allowed.' });
    serveShell(req, res);
  };
  return {
    yoga,
    handle: observeRequests(handle, { logger, metrics, records, lifecycle }),
    lifecycle,
    metrics,
    /** The outbox worker and daily jobs: app.ts starts them and stops them before the database closes. */
    delivery,
    close: () => statistics.runner.close(),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Refuses a body over the limit before anything reads it: 413 by Content-Length, and 411 for a
 * streamed (chunked) body, whose size is only known once read. Our clients always send a length.
 */
function bodyWithinLimit(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return true;
  const length = req.headers['content-length'];
  if (length === undefined) {
    if (req.headers['transfer-encoding'] === undefined) return true;
    json(res, 411, { error: 'Send the request body with a Content-Length.' });
    return false;
  }
  if (Number(length) <= maxBytes) return true;
  res.setHeader('Connection', 'close');
  json(res, 413, { error: 'The request body is too large.' });
  return false;
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
