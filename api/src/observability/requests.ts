import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lifecycle } from '../lifecycle/lifecycle.js';
import { type OperationRecords, operationLabel } from './graphql-telemetry.js';
import { type Logger, requestScope, safeError } from './logger.js';
import type { Metrics } from './metrics.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Paths reported by name; everything else is the shell (whose paths can hold ids) or other. */
const namedRoutes = new Set([
  '/graphql',
  '/healthz',
  '/readyz',
  '/metrics',
  '/auth/dev-token',
  '/auth/dev-identities',
]);
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A bounded route label: never the raw path, which may carry ids. */
export function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  if (namedRoutes.has(path)) return path;
  if (path === '/fhir' || path.startsWith('/fhir/')) return '/fhir';
  return path.startsWith('/auth/') ? '/auth/other' : 'static';
}

export interface RequestObserverParts {
  logger: Logger;
  metrics: Metrics;
  records: OperationRecords;
  lifecycle: Lifecycle;
}

/**
 * Wraps the request handler: gives every request an id (echoed as `x-request-id`), logs one
 * line when the response closes (method, route, status, duration, GraphQL operation name and
 * error codes — no query string, body, variables or token) and observes the duration metric.
 * While draining, responses ask the client to close the connection.
 */
export function observeRequests(
  handle: Handler,
  parts: RequestObserverParts,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { logger, metrics, records, lifecycle } = parts;
  return (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const route = routeOf(req.url);
    res.setHeader('x-request-id', requestId);
    if (lifecycle.draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const method = methods.has(req.method ?? '') ? (req.method as string) : 'OTHER';
      // 499: the client went away before an answer (nginx's convention).
      const status = res.headersSent ? res.statusCode : 499;
      metrics.httpDuration.observe({ method, route, status: String(status) }, ms / 1000);
      if (!logger.isLevelEnabled('info')) return;
      const op = records.get(req);
      logger.info(
        {
          event: 'http.request',
          requestId,
          method,
          route,
          status,
          durationMs: Math.round(ms * 10) / 10,
          ...(op && {
            operation: op.name,
            operationType: op.type,
            field: operationLabel(op),
            errors: op.errorCodes,
            ...(op.stream && { stream: true }),
          }),
          ...(!res.writableFinished && { aborted: true }),
        },
        'request',
      );
    });
    return requestScope.run({ requestId }, async () => {
      try {
        await handle(req, res);
      } catch (error) {
        logger.error({ event: 'http.error', error: safeError(error) }, 'unhandled request error');
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      }
    });
  };
}
