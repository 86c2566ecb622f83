import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Failure, failureOf } from './connection.js';

/** Where a load stands: an input is missing, the request is on its way, it failed, or it is here. */
export type LoadState<T> =
  | { status: 'missing' }
  | { status: 'loading' }
  | ({ status: 'error' } & Failure)
  | { status: 'ready'; value: T };

/** Options of a {@link LoadController}. */
export interface LoadOptions<T, A extends readonly unknown[]> {
  /** The inputs, read at every update; `undefined` while a required one is missing. A change re-runs the load. */
  args: () => A | undefined;
  /** Reads the data; `signal` aborts when newer inputs make this request stale. */
  task: (args: A, signal: AbortSignal) => Promise<T>;
  /** Called once the value is in (e.g. to dispatch `helhed-load`). */
  onReady?: (value: T) => void;
  /** Called with the failure (e.g. to dispatch `helhed-error`). */
  onError?: (failure: Failure) => void;
  /** Keeps the last value on screen while the same view reloads, instead of a loading state. */
  keepWhileLoading?: boolean;
  /** True for a failed reload that should leave the last value on screen (e.g. a live refresh offline). */
  keepValueOn?: (failure: Failure) => boolean;
}

/** One template per state; `missing` defaults to nothing. */
export interface LoadRenderers<T, R> {
  missing?: () => R;
  loading: () => R;
  error: (failure: Failure) => R;
  ready: (value: T) => R;
}

const same = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i])));

/**
 * Loads a host's data and re-loads it when its inputs change, in the shape of `@lit/task`:
 * the host reads {@link state} (or calls {@link render}) and never keeps a load union of its own.
 * A request made stale by newer inputs is aborted and its answer ignored.
 */
export class LoadController<T, A extends readonly unknown[] = readonly unknown[]>
  implements ReactiveController
{
  /** The current state; the host re-renders whenever it changes. */
  state: LoadState<T> = { status: 'loading' };
  private readonly host: ReactiveControllerHost;
  private readonly options: LoadOptions<T, A>;
  private lastArgs?: A;
  private started = false;
  /** Requests on their way; those for other inputs than the newest are aborted. */
  private readonly inFlight = new Set<{ abort: AbortController; args: A }>();
  /** Numbers requests, so that an older answer never replaces a newer one on screen. */
  private sent = 0;
  private shown = 0;

  constructor(host: ReactiveControllerHost, options: LoadOptions<T, A>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The loaded value, or undefined before it is ready. */
  get value(): T | undefined {
    return this.state.status === 'ready' ? this.state.value : undefined;
  }

  hostUpdate(): void {
    const args = this.options.args();
    if (this.started && same(args, this.lastArgs)) return;
    this.started = true;
    this.lastArgs = args;
    void this.start(args);
  }

  hostConnected(): void {
    // A load aborted by a disconnect runs again when the element comes back.
    if (!this.started) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.state.status !== 'loading' || this.inFlight.size === 0) return;
    for (const request of this.inFlight) request.abort.abort();
    this.inFlight.clear();
    this.started = false;
  }

  /**
   * Loads again with the current inputs (a retry button, or news that the data changed);
   * `keepValue` (by default `keepWhileLoading`) leaves the last value on screen until the new one
   * is in. A request for the same inputs already on its way goes on: its answer is as valid.
   */
  run({ keepValue = this.options.keepWhileLoading ?? false } = {}): Promise<void> {
    this.lastArgs = this.options.args();
    this.started = true;
    return this.start(this.lastArgs, keepValue);
  }

  /** Renders the template of the current state. */
  render<R>(renderers: LoadRenderers<T, R>): R | undefined {
    const { state } = this;
    switch (state.status) {
      case 'missing':
        return renderers.missing?.();
      case 'loading':
        return renderers.loading();
      case 'error':
        return renderers.error(state);
      case 'ready':
        return renderers.ready(state.value);
    }
  }

  private start(args: A | undefined, keepValue = this.options.keepWhileLoading ?? false): Promise<void> {
    for (const request of this.inFlight) {
      if (args !== undefined && same(request.args, args)) continue;
      request.abort.abort();
      this.inFlight.delete(request);
    }
    if (args === undefined) {
      this.shown = ++this.sent;
      this.set({ status: 'missing' });
      return Promise.resolve();
    }
    if (!(keepValue && this.state.status === 'ready')) this.set({ status: 'loading' });
    return this.perform(args);
  }

  private async perform(args: A): Promise<void> {
    const request = { abort: new AbortController(), args };
    const seq = ++this.sent;
    this.inFlight.add(request);
    try {
      const value = await this.options.task(args, request.abort.signal);
      if (request.abort.signal.aborted || seq < this.shown) return;
      this.shown = seq;
      this.set({ status: 'ready', value });
      this.options.onReady?.(value);
    } catch (error) {
      if (request.abort.signal.aborted || seq < this.shown) return;
      this.shown = seq;
      const failure = failureOf(error);
      if (!(this.state.status === 'ready' && this.options.keepValueOn?.(failure)))
        this.set({ status: 'error', ...failure });
      this.options.onError?.(failure);
    } finally {
      this.inFlight.delete(request);
    }
  }

  private set(state: LoadState<T>): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
