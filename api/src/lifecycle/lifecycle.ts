/**
 * Where the process is in its life, shared by /readyz, the request observer and the
 * subscription streams. Draining starts at SIGTERM; streams end when the listener closes.
 */
export interface Lifecycle {
  /** True from the shutdown signal on: /readyz answers 503 and responses ask to close. */
  readonly draining: boolean;
  /** Aborted when open subscription streams must end (the listener is closing). */
  readonly streamsEnd: AbortSignal;
  beginDrain(): void;
  endStreams(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  const streams = new AbortController();
  return {
    get draining() {
      return draining;
    },
    streamsEnd: streams.signal,
    beginDrain() {
      draining = true;
    },
    endStreams() {
      draining = true;
      streams.abort();
    },
  };
}
