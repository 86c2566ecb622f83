import { expect, waitUntil } from '@open-wc/testing';
import type { HelhedApiError } from './graphql-client.js';
import { subscribe } from './graphql-subscription.js';
import { operation } from './testing/operation.js';

/** An SSE response whose body the test writes chunk by chunk. */
function sseResponse() {
  let push!: (text: string) => void;
  let end!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      push = (text) => controller.enqueue(encoder.encode(text));
      end = () => controller.close();
    },
  });
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  return { response, push: (text: string) => push(text), end: () => end() };
}

describe('subscribe', () => {
  it('POSTs with Accept: text/event-stream and the bearer token, and hands over each event’s data', async () => {
    const stream = sseResponse();
    const calls: RequestInit[] = [];
    const received: unknown[] = [];
    let opened = 0;
    const sub = subscribe({
      endpoint: '/graphql',
      tokenProvider: () => 'abc',
      query: operation<{ goalRated: { value: number } }>('subscription { goalRated(planId: "p") { value } }'),
      variables: {},
      onData: (d) => received.push(d.goalRated.value),
      onOpen: () => opened++,
      fetch: async (_url, init = {}) => {
        calls.push(init);
        return stream.response;
      },
    });
    await waitUntil(() => opened === 1);
    const headers = calls[0]?.headers as Record<string, string>;
    expect(headers.accept).to.equal('text/event-stream');
    expect(headers.authorization).to.equal('Bearer abc');
    // Split across chunks, with a keep-alive comment and CRLF line ends.
    stream.push(':\n\nevent: next\r\ndata: {"data":{"goalRated":');
    stream.push('{"value":7.5}}}\r\n\r\nevent: next\ndata: {"data":{"goalRated":{"value":3}}}\n\n');
    await waitUntil(() => received.length === 2);
    expect(received).to.deep.equal([7.5, 3]);
    sub.close();
  });

  it('reports a refusal once and does not reconnect', async () => {
    let calls = 0;
    const errors: HelhedApiError[] = [];
    subscribe({
      endpoint: '/graphql',
      query: operation<{ x: boolean }>('subscription { x }'),
      variables: {},
      onData: () => {},
      onError: (e) => errors.push(e),
      retryDelays: [10],
      fetch: async () => {
        calls++;
        const stream = sseResponse();
        stream.push(
          'event: next\ndata: {"errors":[{"message":"Plan was not found.","extensions":{"code":"NOT_FOUND"}}]}\n\n',
        );
        return stream.response;
      },
    });
    await waitUntil(() => errors.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(errors[0]?.code).to.equal('NOT_FOUND');
    expect(calls).to.equal(1);
  });

  it('reconnects after the connection drops and says so through onOpen', async () => {
    let calls = 0;
    let opened = 0;
    const sub = subscribe({
      endpoint: '/graphql',
      query: operation<{ x: boolean }>('subscription { x }'),
      variables: {},
      onData: () => {},
      onOpen: () => opened++,
      retryDelays: [10],
      fetch: async () => {
        calls++;
        if (calls === 2) throw new TypeError('Failed to fetch');
        const stream = sseResponse();
        if (calls === 1) stream.end();
        return stream.response;
      },
    });
    await waitUntil(() => opened === 2, 'reopened after a drop and a failed attempt');
    expect(calls).to.equal(3);
    sub.close();
  });
});
