import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { createGraphQLClient, HelhedApiError } from './graphql-client.js';
import {
  createOfflineQueue,
  isRetryableError,
  newIdempotencyKey,
  type OfflineQueue,
  type QueueErrorDetail,
  type QueueRecordedDetail,
} from './offline-queue.js';
import { operation } from './testing/operation.js';

const RECORD = operation<{ recordMeasurement: { id: string } }>(
  'mutation Record($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
);

/**
 * A server double that stores each idempotency key once, like the API, and can be taken
 * offline (fetch rejects, as the browser's does) or made to refuse input.
 */
function fakeServer() {
  const stored = new Map<string, string>();
  const state = { online: true, refuse: '' as string, field: '' as string, requests: 0 };
  const fetch = async (_url: RequestInfo | URL, init: RequestInit = {}) => {
    state.requests++;
    if (!state.online) throw new TypeError('Failed to fetch');
    const { variables } = JSON.parse(String(init.body)) as { variables: { input: { key: string } } };
    const headers = { 'content-type': 'application/json' };
    if (state.refuse) {
      const extensions = state.field ? { code: state.refuse, field: state.field } : { code: state.refuse };
      const errors = [{ message: 'refused', extensions }];
      return new Response(JSON.stringify({ errors, data: null }), { status: 200, headers });
    }
    const key = variables.input.key;
    if (!stored.has(key)) stored.set(key, `m${stored.size + 1}`);
    const data = { recordMeasurement: { id: stored.get(key) } };
    return new Response(JSON.stringify({ data }), { status: 200, headers });
  };
  return { stored, state, fetch: fetch as typeof globalThis.fetch };
}

let counter = 0;
const queues: OfflineQueue[] = [];
function queueFor(server: ReturnType<typeof fakeServer>, name: string, retryDelays = [20, 40]) {
  const client = createGraphQLClient({ endpoint: '/graphql', token: 't', fetch: server.fetch });
  const queue = createOfflineQueue({ client, name, retryDelays });
  queues.push(queue);
  return queue;
}
const freshName = () => `helhed-offline-test-${Date.now()}-${counter++}`;
const input = (key: string) => ({ input: { key } });

describe('offline queue', () => {
  afterEach(() => {
    for (const q of queues.splice(0)) q.stop();
  });

  it('sends at once when the server answers, and stores nothing', async () => {
    const server = fakeServer();
    const queue = queueFor(server, freshName());
    const outcome = await queue.send(RECORD, input('k1'), 'k1');
    expect(outcome).to.deep.equal({ status: 'sent', data: { recordMeasurement: { id: 'm1' } } });
    expect(await queue.pending()).to.deep.equal([]);
  });

  it('stores the mutation and reports pending when the network fails', async () => {
    const server = fakeServer();
    server.state.online = false;
    const queue = queueFor(server, freshName());
    const announced = oneEvent(queue, 'helhed-pending');
    const outcome = await queue.send(RECORD, input('k1'), 'k1');
    expect(outcome).to.deep.equal({ status: 'pending', key: 'k1' });
    expect((await announced).detail.key).to.equal('k1');
    const [entry] = await queue.pending();
    expect(entry?.key).to.equal('k1');
    expect(entry?.variables).to.deep.equal(input('k1'));
    expect(server.stored.size).to.equal(0);
  });

  it('sends what is stored when the browser comes back online, then forgets it', async () => {
    const server = fakeServer();
    server.state.online = false;
    const queue = queueFor(server, freshName(), [60_000]);
    queue.start();
    await queue.send(RECORD, input('k1'), 'k1');
    server.state.online = true;
    const recorded = oneEvent(queue, 'helhed-recorded');
    window.dispatchEvent(new Event('online'));
    const detail = (await recorded).detail as QueueRecordedDetail;
    expect(detail.key).to.equal('k1');
    expect(detail.data).to.deep.equal({ recordMeasurement: { id: 'm1' } });
    expect(await queue.pending()).to.deep.equal([]);
    expect(server.stored.size).to.equal(1);
  });

  it('retries on a backoff timer without an online event', async () => {
    const server = fakeServer();
    server.state.online = false;
    const queue = queueFor(server, freshName(), [10, 20]);
    queue.start();
    await queue.send(RECORD, input('k1'), 'k1');
    await waitUntil(() => server.state.requests >= 3, 'retried twice while offline');
    expect((await queue.pending()).length).to.equal(1);
    server.state.online = true;
    await waitUntil(async () => (await queue.pending()).length === 0, 'sent after coming back');
    expect([...server.stored.keys()]).to.deep.equal(['k1']);
  });

  it('sends what an earlier page left behind when a queue of the same name starts', async () => {
    const server = fakeServer();
    const name = freshName();
    server.state.online = false;
    const before = queueFor(server, name);
    await before.send(RECORD, input('k1'), 'k1');
    await before.send(RECORD, input('k2'), 'k2');
    before.stop();
    server.state.online = true;
    const after = queueFor(server, name);
    const seen: string[] = [];
    after.addEventListener('helhed-recorded', (e) =>
      seen.push((e as CustomEvent<QueueRecordedDetail>).detail.key),
    );
    after.start();
    await waitUntil(() => seen.length === 2, 'both entries sent');
    expect(seen).to.deep.equal(['k1', 'k2']);
    expect(await after.pending()).to.deep.equal([]);
  });

  it('stores once when a mutation that did arrive is sent again with the same key', async () => {
    const server = fakeServer();
    const queue = queueFor(server, freshName());
    await queue.send(RECORD, input('same'), 'same');
    // The answer was lost on the way back: the page queued it again and re-sends.
    server.state.online = false;
    await queue.send(RECORD, input('same'), 'same');
    server.state.online = true;
    const recorded = oneEvent(queue, 'helhed-recorded');
    void queue.flush();
    expect(((await recorded).detail as QueueRecordedDetail).data).to.deep.equal({
      recordMeasurement: { id: 'm1' },
    });
    expect(server.stored.size).to.equal(1);
  });

  it('surfaces a refusal of a stored mutation and removes it, never dropping it silently', async () => {
    const server = fakeServer();
    server.state.online = false;
    const queue = queueFor(server, freshName());
    await queue.send(RECORD, input('k1'), 'k1');
    server.state.online = true;
    server.state.refuse = 'FORBIDDEN';
    const failed = oneEvent(queue, 'helhed-error');
    void queue.flush();
    const detail = (await failed).detail as QueueErrorDetail;
    expect(detail).to.include({ key: 'k1', code: 'FORBIDDEN' });
    expect(await queue.pending()).to.deep.equal([]);
  });

  it('keeps the refused field of a stored mutation, so a widget words the refusal without reading the message', async () => {
    const server = fakeServer();
    server.state.online = false;
    const queue = queueFor(server, freshName());
    await queue.send(RECORD, input('k1'), 'k1');
    server.state.online = true;
    server.state.refuse = 'BAD_USER_INPUT';
    server.state.field = 'goalId';
    const failed = oneEvent(queue, 'helhed-error');
    void queue.flush();
    const detail = (await failed).detail as QueueErrorDetail;
    expect(detail).to.include({ key: 'k1', code: 'BAD_USER_INPUT', field: 'goalId' });
  });

  it('keeps a stored mutation while there is no valid token', async () => {
    const server = fakeServer();
    server.state.online = false;
    const queue = queueFor(server, freshName(), [60_000]);
    await queue.send(RECORD, input('k1'), 'k1');
    server.state.online = true;
    server.state.refuse = 'UNAUTHENTICATED';
    await queue.flush();
    expect((await queue.pending()).length).to.equal(1);
  });

  it('rejects at once, storing nothing, when the server refuses the first send', async () => {
    const server = fakeServer();
    server.state.refuse = 'BAD_USER_INPUT';
    const queue = queueFor(server, freshName());
    let error: unknown;
    try {
      await queue.send(RECORD, input('k1'), 'k1');
    } catch (e) {
      error = e;
    }
    expect((error as HelhedApiError).code).to.equal('BAD_USER_INPUT');
    expect(await queue.pending()).to.deep.equal([]);
  });

  it('sends each entry once when two queues of one page flush together', async () => {
    const server = fakeServer();
    const name = freshName();
    server.state.online = false;
    const a = queueFor(server, name, [60_000]);
    await a.send(RECORD, input('k1'), 'k1');
    server.state.online = true;
    server.state.requests = 0;
    const b = queueFor(server, name, [60_000]);
    let announced = 0;
    for (const q of [a, b]) q.addEventListener('helhed-recorded', () => announced++);
    await Promise.all([a.flush(), b.flush()]);
    await aTimeout(0);
    expect(server.state.requests).to.equal(1);
    expect(announced).to.equal(1);
  });

  it('sends a stored entry only as the person who queued it', async () => {
    const server = fakeServer();
    server.state.online = false;
    const who = { current: 'professional-a' as string | null };
    const client = createGraphQLClient({ endpoint: '/graphql', token: 't', fetch: server.fetch });
    const queue = createOfflineQueue({
      client,
      name: freshName(),
      retryDelays: [60_000],
      owner: () => who.current,
    });
    queues.push(queue);
    await queue.send(RECORD, input('a1'), 'a1');
    expect((await queue.pending())[0]?.owner).to.equal('professional-a');
    // A colleague signs in on the same device and the network returns: A's entry must wait.
    who.current = 'professional-b';
    server.state.online = true;
    await queue.send(RECORD, input('b1'), 'b1');
    await queue.flush();
    expect([...server.stored.keys()]).to.deep.equal(['b1']);
    expect((await queue.pending()).map((e) => e.key)).to.deep.equal(['a1']);
    // Signed out: nothing of A's goes either.
    who.current = null;
    await queue.flush();
    expect(server.stored.has('a1')).to.equal(false);
    // A signs in again: it goes, once.
    who.current = 'professional-a';
    const recorded = oneEvent(queue, 'helhed-recorded');
    await queue.flush();
    expect(((await recorded) as CustomEvent<QueueRecordedDetail>).detail.key).to.equal('a1');
    expect(await queue.pending()).to.deep.equal([]);
  });

  it('tells retryable failures from refusals', () => {
    const err = (code: string) => new HelhedApiError(code, code);
    expect(
      ['NETWORK', 'HTTP_503', 'HTTP_429', 'BAD_RESPONSE'].map((c) => isRetryableError(err(c))),
    ).to.deep.equal([true, true, true, true]);
    expect(
      ['BAD_USER_INPUT', 'FORBIDDEN', 'HTTP_403', 'CONFLICT'].map((c) => isRetryableError(err(c))),
    ).to.deep.equal([false, false, false, false]);
    expect(newIdempotencyKey()).to.not.equal(newIdempotencyKey());
  });
});
