import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export interface MetricsAccess {
  /** METRICS_TOKEN; null leaves /metrics open in demo mode and off otherwise. */
  token: string | null;
  /** Demo mode: without a token /metrics answers anyone. */
  open: boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `GET /metrics` in Prometheus' text format. With a token, only `Authorization: Bearer <token>`
 * may scrape (compared in constant time); without one it is open in demo mode only, so a
 * deployment never exposes it by accident.
 */
export function createMetricsEndpoint(registry: Registry, access: MetricsAccess) {
  const expected = access.token === null ? null : digest(access.token);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (expected === null && !access.open) return text(res, 404, 'Not found');
    if (expected !== null) {
      const match = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
      if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        return text(res, 401, 'Send Authorization: Bearer <METRICS_TOKEN>.');
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Use GET.');
    const body = await registry.metrics();
    res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
