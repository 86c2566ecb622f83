import { AsyncLocalStorage } from 'node:async_hooks';
import type { YogaLogger } from 'graphql-yoga';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from '../config.js';

export type { Logger };

/** The request a log line belongs to, so lines logged deep inside a request carry its id. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * One JSON line per event on stdout (or `destination`, which tests use to read the lines).
 * What goes in is decided by the callers: operation names, codes and timings, never variables,
 * bodies, tokens or anything about a person (docs/design.md §5).
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'helhed-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => requestScope.getStore() ?? {},
  };
  return destination ? pino(options, destination) : pino(options);
}

/** How an error may appear in a log line. */
export interface LoggedError {
  /** Constructor names from the outermost error to its cause, e.g. "GraphQLError/SqliteError". */
  type: string;
  /** A machine code such as SQLITE_CONSTRAINT_UNIQUE, when the innermost error has one. */
  code?: string;
  /** Stack frames of the innermost error, without the message line. */
  stack?: string;
}

/**
 * An error without its message: messages can quote personal data (drizzle puts a failed
 * statement's parameters in its message), so only the kind, code and frames are logged.
 */
export function safeError(error: unknown): LoggedError {
  const chain: unknown[] = [];
  for (let e = error; e && typeof e === 'object' && chain.length < 5; ) {
    chain.push(e);
    const next = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as Error).cause;
    e = next;
  }
  if (chain.length === 0) return { type: typeof error };
  const innermost = chain[chain.length - 1] as { code?: unknown; stack?: unknown };
  const names = chain.map((e) => (e as object).constructor?.name || 'Object');
  const code =
    typeof innermost.code === 'string' && /^[A-Z][A-Z0-9_]{0,60}$/.test(innermost.code)
      ? innermost.code
      : undefined;
  const frames =
    typeof innermost.stack === 'string'
      ? innermost.stack
          .split('\n')
          .filter((line) => line.startsWith('    at '))
          .slice(0, 12)
          .join('\n')
      : undefined;
  return { type: names.join('/'), ...(code ? { code } : {}), ...(frames ? { stack: frames } : {}) };
}

/**
 * graphql-yoga's logger, backed by pino. Yoga logs the original of every masked (unexpected)
 * error; it goes out through safeError. Yoga's own text lines are fixed strings.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      if (!logger.isLevelEnabled(level)) return;
      const error = args.find((a) => a instanceof Error);
      if (error)
        logger[level]({ event: 'graphql.error', error: safeError(error) }, 'unexpected error in GraphQL');
      else logger[level]({ event: 'graphql' }, args.filter((a) => typeof a === 'string').join(' '));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
