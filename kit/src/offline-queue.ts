import { failureOf } from './connection.js';
import { type GraphQLClient, HelhedApiError, type TypedOperation } from './graphql-client.js';

/**
 * One GraphQL mutation waiting on the device. Its `key` is the mutation's idempotency key, so a
 * re-send after a lost answer stores nothing twice: the API answers with the original.
 */
export interface QueuedMutation {
  key: string;
  operation: string;
  variables: Record<string, unknown>;
  /** When it was first queued (ISO 8601). */
  queuedAt: string;
  /** Who queued it (see {@link OfflineQueueOptions.owner}); it is only sent as that person. */
  owner?: string;
}

/** What {@link OfflineQueue.send} did: sent now, or kept on the device for later. */
export type SendOutcome<TData> = { status: 'sent'; data: TData } | { status: 'pending'; key: string };

/** Detail of the queue's `helhed-pending` event. */
export interface QueuePendingDetail {
  key: string;
  variables: Record<string, unknown>;
}
/** Detail of the queue's `helhed-recorded` event: a queued mutation reached the server. */
export interface QueueRecordedDetail {
  key: string;
  variables: Record<string, unknown>;
  data: unknown;
}
/** Detail of the queue's `helhed-error` event: the server refused a queued mutation for good. */
export interface QueueErrorDetail {
  key: string;
  variables: Record<string, unknown>;
  /** The server's stable `extensions.code` (UNKNOWN for a failure without one). */
  code: string;
  /** For bad input, the refused field (`extensions.field`): what a widget's wording keys on. */
  field?: string;
  /** The server's message, for logs; never for matching or showing. */
  message: string;
}

/** Options of {@link createOfflineQueue}. */
export interface OfflineQueueOptions {
  /** Sends the mutations; its token provider is asked again on every retry. */
  client: GraphQLClient;
  /** IndexedDB database name; queues with the same name share their entries (and tabs). */
  name?: string;
  /** Milliseconds before each automatic retry; the last one repeats. */
  retryDelays?: readonly number[];
  /**
   * Who is signed in now, e.g. the token's subject. An entry remembers who queued it and is sent
   * only while that person is signed in again: on a shared device, a professional's queued
   * feedback must never be sent under a colleague's token. Without it, entries go with any token.
   */
  owner?: () => Promise<string | null> | string | null;
}

const DEFAULT_DELAYS = [2_000, 5_000, 15_000, 30_000, 60_000];
const STORE = 'mutations';

/**
 * True for failures where the server never answered, so the mutation may or may not have
 * arrived: the network, a gateway or a proxy's HTML page. Only these are kept for a re-send.
 */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof HelhedApiError)) return false;
  if (error.code === 'NETWORK' || error.code === 'BAD_RESPONSE') return true;
  const status = /^HTTP_(\d{3})$/.exec(error.code)?.[1];
  return status !== undefined && (status.startsWith('5') || status === '408' || status === '429');
}

/** A fresh idempotency key; `crypto.randomUUID` is missing outside secure contexts. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface EntryStore {
  all(): Promise<QueuedMutation[]>;
  put(entry: QueuedMutation): Promise<void>;
  delete(key: string): Promise<void>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openStore(name: string): Promise<EntryStore> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
  return request(open).then((db) => {
    const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
    return {
      all: () => request(tx('readonly').getAll() as IDBRequest<QueuedMutation[]>),
      put: (entry) => request(tx('readwrite').put(entry)).then(() => undefined),
      delete: (key) => request(tx('readwrite').delete(key)),
    };
  });
}

/** Where storage is blocked (some embedded frames), the queue still survives going offline. */
function memoryStore(): EntryStore {
  const entries = new Map<string, QueuedMutation>();
  return {
    all: async () => [...entries.values()],
    put: async (entry) => void entries.set(entry.key, entry),
    delete: async (key) => void entries.delete(key),
  };
}

/**
 * Pending GraphQL mutations kept in IndexedDB until the server has answered. `send` tries at
 * once; when the server cannot be reached it stores the mutation and reports `pending`. Stored
 * mutations are sent again on the `online` event, on a backoff timer and when a queue with the
 * same name starts (the next page load). An entry leaves the store only after an answer: success
 * (`helhed-recorded`) or a refusal such as BAD_USER_INPUT or FORBIDDEN (`helhed-error`, for the
 * user to see). Exactly once rests on the idempotency key in the mutation's variables.
 *
 * @event helhed-pending - A mutation was stored on the device. `detail: QueuePendingDetail`.
 * @event helhed-recorded - A stored mutation reached the server. `detail: QueueRecordedDetail`.
 * @event helhed-error - The server refused a stored mutation. `detail: QueueErrorDetail`.
 */
export class OfflineQueue extends EventTarget {
  private readonly client: GraphQLClient;
  private readonly name: string;
  private readonly delays: readonly number[];
  private readonly owner: () => Promise<string | null> | string | null;
  private store?: Promise<EntryStore>;
  private flushing?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private started = false;
  private readonly onOnline = () => void this.flush();

  constructor(options: OfflineQueueOptions) {
    super();
    this.client = options.client;
    this.name = options.name ?? 'helhed-offline';
    this.delays = options.retryDelays?.length ? options.retryDelays : DEFAULT_DELAYS;
    this.owner = options.owner ?? (() => null);
  }

  /** Listens for `online`, and sends what an earlier page left behind. */
  start(): void {
    if (this.started) return;
    this.started = true;
    window.addEventListener('online', this.onOnline);
    void this.flush();
  }

  /** Stops listening and retrying; stored mutations stay for the next start. */
  stop(): void {
    this.started = false;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Sends `operation` now. Resolves `sent` with the data, or `pending` when the server could not
   * be reached and the mutation was stored. Rejects with the {@link HelhedApiError} when the
   * server refused it (nothing is stored then).
   */
  async send<TData, TVariables extends Record<string, unknown>>(
    operation: TypedOperation<TData, TVariables>,
    variables: TVariables,
    key: string,
  ): Promise<SendOutcome<TData>> {
    try {
      return { status: 'sent', data: await this.client.request(operation, variables) };
    } catch (error) {
      if (!isRetryableError(error)) throw error;
    }
    const owner = (await this.owner()) ?? undefined;
    await this.put({
      key,
      operation: operation.toString(),
      variables,
      queuedAt: new Date().toISOString(),
      owner,
    });
    this.emit('helhed-pending', { key, variables } satisfies QueuePendingDetail);
    this.scheduleRetry();
    return { status: 'pending', key };
  }

  /** Mutations still waiting on this device, oldest first. */
  async pending(): Promise<QueuedMutation[]> {
    const entries = await (await this.entries()).all();
    return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  /** Sends every stored mutation now, oldest first; stops at the first that cannot get through. */
  flush(): Promise<void> {
    // One flush per page at a time, and one per origin through Web Locks where available, so
    // two tabs or two widgets do not both announce the same entry.
    this.flushing ??= this.withLock(() => this.flushEntries()).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async flushEntries(): Promise<void> {
    const current = await this.owner();
    for (const entry of await this.pending()) {
      // Someone else's entry waits, untouched, until they sign in on this device again.
      if (entry.owner !== undefined && entry.owner !== current) continue;
      let data: unknown;
      try {
        // Stored as text (IndexedDB keeps no types); it was a typed operation when queued.
        const stored: TypedOperation<unknown, Record<string, unknown>> = { toString: () => entry.operation };
        data = await this.client.request(stored, entry.variables);
      } catch (error) {
        if (isRetryableError(error) || (error as HelhedApiError).code === 'UNAUTHENTICATED') {
          // Unreachable, or no valid token yet (signed out since): keep it and try later.
          this.failures++;
          this.scheduleRetry();
          return;
        }
        await (await this.entries()).delete(entry.key);
        const { code, field, message = '' } = failureOf(error);
        this.emit('helhed-error', {
          key: entry.key,
          variables: entry.variables,
          code,
          field,
          message,
        } satisfies QueueErrorDetail);
        continue;
      }
      await (await this.entries()).delete(entry.key);
      this.failures = 0;
      this.emit('helhed-recorded', {
        key: entry.key,
        variables: entry.variables,
        data,
      } satisfies QueueRecordedDetail);
    }
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private withLock(task: () => Promise<void>): Promise<void> {
    const locks = globalThis.navigator?.locks;
    return locks
      ? locks.request(`helhed-offline-queue:${this.name}`, () => task()).then(() => undefined)
      : task();
  }

  private scheduleRetry(): void {
    if (!this.started || this.timer !== undefined) return;
    const delay = this.delays[Math.min(this.failures, this.delays.length - 1)] ?? 60_000;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private entries(): Promise<EntryStore> {
    this.store ??= openStore(this.name).catch(() => memoryStore());
    return this.store;
  }

  private async put(entry: QueuedMutation): Promise<void> {
    try {
      await (await this.entries()).put(entry);
    } catch {
      // Storage full or blocked mid-way: keep it for this page rather than lose it.
      this.store = Promise.resolve(memoryStore());
      await (await this.store).put(entry);
    }
  }

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** Creates an {@link OfflineQueue}; call `start()` when its owner connects. */
export function createOfflineQueue(options: OfflineQueueOptions): OfflineQueue {
  return new OfflineQueue(options);
}
