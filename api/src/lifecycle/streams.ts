import { setMaxListeners } from 'node:events';
import type { Plugin } from 'graphql-yoga';

const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * Ends every open GraphQL subscription when `signal` aborts. yoga serves a subscription as an
 * SSE response that only ends when its event source does, so without this an open stream keeps
 * server.close() waiting forever. Ended this way, the client gets a proper `event: complete`.
 */
export function useEndStreamsOnShutdown(signal: AbortSignal): Plugin {
  // One listener per open stream; a busy server may hold many at once.
  setMaxListeners(0, signal);
  return {
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (isAsyncIterable(result)) setResult(endOnAbort(result, signal));
      },
    }),
  };
}

/** `source`, finishing (and releasing it) as soon as `signal` aborts, even mid-wait. */
export function endOnAbort<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let onAbort = () => {};
  const aborted = new Promise<IteratorReturnResult<undefined>>((resolve) => {
    onAbort = () => resolve(finished);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  let closed = false;
  const close = async (): Promise<IteratorReturnResult<undefined>> => {
    if (closed) return finished;
    closed = true;
    signal.removeEventListener('abort', onAbort);
    await iterator.return?.();
    return finished;
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (closed) return finished;
      const step = await Promise.race([iterator.next(), aborted]);
      if (step.done) await close();
      return step;
    },
    return: close,
    async throw(error: unknown) {
      await close();
      throw error;
    },
  };
}
