import type { ServerResponse } from 'node:http';
import type { DatabaseProblem } from '../db/health.js';
import type { Lifecycle } from '../lifecycle/lifecycle.js';

/** Longest a readiness probe may take before the database counts as not answering. */
export const READINESS_TIMEOUT_MS = 1_000;

export interface HealthParts {
  lifecycle: Lifecycle;
  /** Null when the database answers and is migrated; may become async with another database. */
  probeDatabase: () => DatabaseProblem | null | Promise<DatabaseProblem | null>;
  timeoutMs?: number;
}

type Reason = DatabaseProblem | 'shutting down' | 'timeout';

/**
 * `/healthz` (liveness): the process is up and serving; a restart would not help otherwise.
 * `/readyz` (readiness): send traffic here — the database answers in time, its migrations
 * are applied, and no shutdown has begun. The answers name a reason, never an error message.
 */
export function createHealthEndpoints(parts: HealthParts) {
  const timeoutMs = parts.timeoutMs ?? READINESS_TIMEOUT_MS;
  const probe = async (): Promise<Reason | null> => {
    if (parts.lifecycle.draining) return 'shutting down';
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Reason>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const problem = await Promise.race([Promise.resolve().then(parts.probeDatabase), timeout]);
      // A synchronous driver cannot be interrupted, so a slow answer is judged afterwards.
      if (problem === null && performance.now() - started > timeoutMs) return 'timeout';
      return problem;
    } catch {
      return 'unreachable';
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    healthz(res: ServerResponse): void {
      send(res, 200, { status: 'ok' });
    },
    async readyz(res: ServerResponse): Promise<void> {
      const reason = await probe();
      if (reason) send(res, 503, { status: 'not ready', reason });
      else send(res, 200, { status: 'ready' });
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
