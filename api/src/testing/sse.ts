/** A GraphQL-over-SSE client for tests of live streams: one connection per subscription. */
export interface Stream {
  /** Resolves with the next `event: next` payload. */
  next(): Promise<{ data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }>;
  status: number;
  contentType: string;
  close(): void;
}

/** Subscribes over GraphQL-over-SSE (distinct connections), the way the kit does in a browser. */
export async function subscribeOverSse(
  query: string,
  url: string,
  token: string,
  variables: Record<string, unknown>,
): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (event === 'next' && data) return JSON.parse(data);
          if (event === 'complete') throw new Error('stream completed');
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

/** Rejects when the promise takes longer than `ms`. */
export const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);
