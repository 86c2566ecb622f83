import { type GraphQLErrorEntry, HelhedApiError, type TypedOperation } from './graphql-client.js';

/** Options of {@link subscribe}. */
export interface SubscriptionOptions<TData, TVariables> {
  /** URL of the GraphQL endpoint. */
  endpoint: string;
  /** A fixed bearer token. */
  token?: string;
  /** Called before every (re)connection for a fresh bearer token; wins over `token`. */
  tokenProvider?: () => Promise<string> | string;
  /** The `subscription { … }` operation, typed by the generator. */
  query: TypedOperation<TData, TVariables>;
  variables: TVariables;
  /** Each event's `data`. */
  onData: (data: TData) => void;
  /** The stream is open (again): events sent while it was down are lost, so reload what they change. */
  onOpen?: () => void;
  /** The server refused the subscription (e.g. NOT_FOUND); it is not retried. */
  onError?: (error: HelhedApiError) => void;
  /** Milliseconds before each reconnection; the last one repeats. */
  retryDelays?: readonly number[];
  /** Fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** A running subscription. */
export interface Subscription {
  /** Ends the stream and stops reconnecting. */
  close(): void;
}

interface Payload {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

const DEFAULT_DELAYS = [1_000, 2_000, 5_000, 15_000];

/** Splits a server-sent-event stream into `{ event, data }` messages (comments and pings dropped). */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length > 0 || event !== 'message') yield { event, data: data.join('\n') };
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function refusal(payload: Payload): HelhedApiError {
  const first = payload.errors?.[0];
  return new HelhedApiError(first?.extensions?.code ?? 'GRAPHQL_ERROR', first?.message ?? 'GraphQL error', {
    errors: payload.errors ?? [],
  });
}

/**
 * Runs a GraphQL subscription over server-sent events (graphql-yoga's `Accept: text/event-stream`),
 * with fetch rather than EventSource so the bearer token goes in the Authorization header. A
 * dropped connection is reopened with backoff (and `onOpen` called again); a refusal is not.
 */
export function subscribe<TData, TVariables>(options: SubscriptionOptions<TData, TVariables>): Subscription {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const delays = options.retryDelays?.length ? options.retryDelays : DEFAULT_DELAYS;
  const controller = new AbortController();
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** One connection; resolves true to reconnect, false when the subscription is over. */
  async function connect(): Promise<boolean> {
    const token = options.tokenProvider ? await options.tokenProvider() : options.token;
    const response = await fetchImpl(options.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: options.query.toString(), variables: options.variables }),
      signal: controller.signal,
    });
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || !type.includes('text/event-stream')) {
      const payload = (await response.json().catch(() => ({}))) as Payload;
      if (payload.errors?.length) {
        options.onError?.(refusal(payload));
        return false;
      }
      return true;
    }
    failures = 0;
    options.onOpen?.();
    for await (const { event, data } of readServerSentEvents(response.body)) {
      if (event === 'complete') return false;
      if (event !== 'next' || !data) continue;
      const payload = JSON.parse(data) as Payload;
      if (payload.errors?.length) {
        options.onError?.(refusal(payload));
        return false;
      }
      options.onData(payload.data as TData);
    }
    return true;
  }

  async function run(): Promise<void> {
    let again: boolean;
    try {
      again = await connect();
    } catch {
      again = true;
    }
    if (!again || controller.signal.aborted) return;
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 15_000;
    failures++;
    timer = setTimeout(() => void run(), delay);
  }

  void run();
  return {
    close() {
      clearTimeout(timer);
      controller.abort();
    },
  };
}
