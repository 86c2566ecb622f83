import type { Server } from 'node:http';
import type { Logger } from '../observability/logger.js';
import type { Lifecycle } from './lifecycle.js';

export interface ShutdownParts {
  server: Server;
  lifecycle: Lifecycle;
  logger: Logger;
  /** How long to keep serving, with /readyz at 503, before the listener closes. */
  delayMs: number;
  /** Longest wait for in-flight requests once the listener is closed. */
  timeoutMs: number;
  /** Releases what the app holds: the statistics worker and the database. */
  close: () => void | Promise<void>;
  exit: (code: number) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Graceful shutdown for SIGTERM/SIGINT: readiness fails first (so a load balancer stops sending
 * traffic), then the listener closes, subscription streams end with `complete`, idle keep-alive
 * connections close, in-flight requests finish (up to the timeout, then they are cut off), and
 * only then the database closes. Exit code 0 when everything finished, 1 when it was cut off.
 * A second signal exits at once.
 */
export function createShutdown(parts: ShutdownParts): (signal: string) => Promise<void> {
  const { server, lifecycle, logger } = parts;
  let started = false;
  return async (signal) => {
    if (started) {
      logger.warn({ event: 'shutdown.forced', signal }, 'second signal: exiting without waiting');
      parts.exit(1);
      return;
    }
    started = true;
    lifecycle.beginDrain();
    logger.info(
      { event: 'shutdown.begin', signal, delayMs: parts.delayMs, timeoutMs: parts.timeoutMs },
      'draining',
    );
    if (parts.delayMs > 0) await sleep(parts.delayMs);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    lifecycle.endStreams();
    // Keep-alive connections that fall idle after close() began would otherwise stay open.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      closed.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), parts.timeoutMs);
      }),
    ]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (timedOut) {
      logger.warn({ event: 'shutdown.timeout', timeoutMs: parts.timeoutMs }, 'cutting off open requests');
      server.closeAllConnections();
    }
    try {
      await parts.close();
    } catch {
      logger.error({ event: 'shutdown.close_failed' }, 'closing the database failed');
    }
    logger.info({ event: 'shutdown.done', forced: timedOut }, 'stopped');
    parts.exit(timedOut ? 1 : 0);
  };
}
