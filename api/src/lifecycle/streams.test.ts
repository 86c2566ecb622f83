import { describe, expect, it } from 'vitest';
import { endOnAbort } from './streams.js';

/** A source that yields only when told to, and records whether it was released. */
function source() {
  const state = { released: false, waiting: [] as ((r: IteratorResult<number>) => void)[] };
  const iterable: AsyncIterable<number> = {
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise<IteratorResult<number>>((resolve) => state.waiting.push(resolve)),
      return: async () => {
        state.released = true;
        for (const w of state.waiting.splice(0)) w({ done: true, value: undefined });
        return { done: true, value: undefined };
      },
    }),
  };
  return { iterable, state, emit: (n: number) => state.waiting.shift()?.({ done: false, value: n }) };
}

describe('endOnAbort', () => {
  it('passes events through, then finishes a waiting consumer and releases the source on abort', async () => {
    const controller = new AbortController();
    const s = source();
    const stream = endOnAbort(s.iterable, controller.signal);
    const first = stream.next();
    s.emit(7);
    expect(await first).toEqual({ done: false, value: 7 });
    const waiting = stream.next();
    controller.abort();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(s.state.released).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('ends a stream opened after the abort at once', async () => {
    const controller = new AbortController();
    controller.abort();
    const s = source();
    expect(await endOnAbort(s.iterable, controller.signal).next()).toEqual({ done: true, value: undefined });
    expect(s.state.released).toBe(true);
  });

  it('lets go of its abort listener when the client leaves first', async () => {
    const controller = new AbortController();
    const s = source();
    const stream = endOnAbort(s.iterable, controller.signal);
    await stream.return?.();
    expect(s.state.released).toBe(true);
    controller.abort(); // nothing left to finish; must not throw
  });
});
