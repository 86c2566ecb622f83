import { AsyncResource } from 'node:async_hooks';

/**
 * Same-process wake-up for the delivery worker: enqueueing announces itself here so a message
 * leaves at once rather than at the next poll. Other instances find it by polling.
 */
const listeners = new Set<() => void>();

/**
 * Listens for enqueued messages. The listener runs in the async context it was registered in,
 * never in the enqueuer's: on SQLite a query started in an open transaction's context would join
 * that transaction (db/sqlite.ts).
 */
export function onEnqueued(listener: () => void): () => void {
  const bound = AsyncResource.bind(listener);
  listeners.add(bound);
  return () => listeners.delete(bound);
}

export function announceEnqueued(): void {
  for (const listener of listeners) listener();
}
