import { createGraphQLError } from 'graphql-yoga';
import type { Actor } from '../access/actor.js';
import { authorizePlanRead } from '../access/policy.js';
import type { Db } from '../db/client.js';

/** Open plan streams (`goalRated`, `meetingChanged`) one subject may hold at once (tabs, a meeting tablet). */
export const MAX_STREAMS_PER_SUBJECT = 5;

const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };

// Per database, like the bus, so two APIs in one process keep separate counts.
const openStreams = new WeakMap<Db, Map<string, number>>();

/**
 * A live stream of a plan's events that is only as good as the access behind it: before each
 * event the plan is opened again, as a read by a fresh actor at the current time (so it is
 * audited like a read, and a revoked consent, a lost case or plan, or an expired token ends
 * the stream instead of delivering). At most MAX_STREAMS_PER_SUBJECT are open per subject.
 */
export function reauthorisedStream<T>(
  db: Db,
  actor: Actor,
  planId: string,
  now: () => Date,
  source: AsyncIterator<T>,
  /** The audit action of each delivered event. */
  action = 'goalRated:event',
): AsyncIterableIterator<T> {
  const counts = openStreams.get(db) ?? new Map<string, number>();
  openStreams.set(db, counts);
  const key = `${actor.municipalityId}:${actor.subject}`;
  const open = counts.get(key) ?? 0;
  if (open >= MAX_STREAMS_PER_SUBJECT) {
    void source.return?.();
    throw createGraphQLError('Too many open live streams: close one first.', {
      extensions: { code: 'RATE_LIMITED' },
    });
  }
  counts.set(key, open + 1);
  let closed = false;
  const close = async (): Promise<IteratorReturnResult<undefined>> => {
    if (closed) return finished;
    closed = true;
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
    await source.return?.();
    return finished;
  };
  const stillAllowed = async (): Promise<boolean> => {
    const at = now();
    if (actor.expiresAt && actor.expiresAt.getTime() <= at.getTime()) return false;
    try {
      // A fresh check every time: never the subscribing request's grants.
      await authorizePlanRead(db, { ...actor, at, request: undefined }, planId, action);
      return true;
    } catch {
      return false;
    }
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (closed) return finished;
      const step = await source.next();
      if (step.done) return close();
      if (!(await stillAllowed())) return close();
      return step;
    },
    return: close,
    async throw(error: unknown) {
      await close();
      throw error;
    },
  };
}
