/**
 * Live streams at scale (issue 21): many `goalRated` streams open on one API instance, each its
 * own GraphQL-over-SSE connection as the family dialogue widget opens it, spread over a few
 * plans; then rounds of ratings through the contract's RateGoal, one per plan at once, and for
 * every delivery the time from the mutation's send to the stream's receipt.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A plan the streams watch: the goal its ratings go to, and who may rate and watch it. */
export interface WatchedPlan {
  planId: string;
  goalId: string;
  /** Departments with a case with one of the plan's citizens: their staff may open the plan. */
  departmentIds: string[];
}

export interface StreamScenario {
  url: string;
  streams: number;
  plans: WatchedPlan[];
  /** Measured rounds; each rates one goal of every plan at once. */
  rounds: number;
  /** Rounds before the measured ones (they also prove every stream is live). */
  warmupRounds: number;
  subscription: string;
  rateGoal: string;
  /** The token of the `n`th watcher of a plan (a subject may hold only a few streams). */
  watcherToken(plan: WatchedPlan, watcher: number): Promise<string>;
  /** A token allowed to rate the plan's goal. */
  raterToken(plan: WatchedPlan): string;
  /** The API process's memory and its count of open streams. */
  sample(): Promise<ApiSample>;
  progress(line: string): void;
}

export interface ApiSample {
  rssMb: number;
  heapMb: number;
  openStreams: number | null;
}

export interface StreamFigures {
  streams: number;
  /** Streams that did not open (HTTP error, refused, or a GraphQL error instead of a stream). */
  failedToOpen: number;
  plans: number;
  /** Measured ratings (rounds × plans). */
  ratings: number;
  /** Deliveries owed: each rating to every open stream of its plan. */
  entitled: number;
  delivered: number;
  /** Ratings that reached every stream of their plan. */
  ratingsToAll: number;
  /** Events that reached a stream of another plan: must be 0. */
  foreign: number;
  /** Streams that ended (complete, error or closed) before the scenario did. */
  ended: number;
  /** Milliseconds from the RateGoal's send to the stream's receipt, over every delivery. */
  p50: number;
  p95: number;
  max: number;
  /** Mean time from RateGoal's send to its response. */
  mutationMs: number;
  openSeconds: number;
  before: ApiSample;
  after: ApiSample;
  /** (after − before) / open streams, in KB. */
  rssPerStreamKb: number;
  heapPerStreamKb: number;
  firstError: string | null;
}

/** How long a round waits for its last delivery before counting the rest as missed. */
const DELIVERY_DEADLINE_MS = 10_000;
/** Streams opened at once: the subscribe itself is an audited plan read. */
const OPEN_AT_ONCE = 25;

interface Delivery {
  stream: number;
  ratingId: string;
  at: number;
}

interface Stream {
  plan: WatchedPlan;
  ended: boolean;
  close(): void;
}

export async function runStreamScenario(s: StreamScenario): Promise<StreamFigures> {
  const deliveries: Delivery[] = [];
  let firstError: string | null = null;
  const noteError = (e: string) => {
    firstError ??= e.slice(0, 300);
  };
  await warmUp(s);
  const before = await settledSample(s);
  const started = performance.now();
  const streams: (Stream | null)[] = [];
  const watchers = new Map<string, number>();
  for (let first = 0; first < s.streams; first += OPEN_AT_ONCE) {
    const batch: Promise<Stream | null>[] = [];
    for (let i = first; i < Math.min(s.streams, first + OPEN_AT_ONCE); i++) {
      const plan = s.plans[i % s.plans.length] as WatchedPlan;
      const watcher = watchers.get(plan.planId) ?? 0;
      watchers.set(plan.planId, watcher + 1);
      batch.push(
        openStream(s, i, plan, await s.watcherToken(plan, watcher), (ratingId, at) =>
          deliveries.push({ stream: i, ratingId, at }),
        ).catch((error: unknown) => {
          noteError(String(error));
          return null;
        }),
      );
    }
    streams.push(...(await Promise.all(batch)));
  }
  const openSeconds = (performance.now() - started) / 1000;
  const open = streams.filter((x): x is Stream => x !== null);
  s.progress(`live streams: ${open.length} of ${s.streams} open in ${openSeconds.toFixed(1)} s`);
  // The subscriber joins the bus once yoga asks for its first event, just after the headers.
  await sleep(500);
  const after = await settledSample(s);
  if (after.openStreams !== null && after.openStreams < open.length)
    s.progress(`live streams: the API counts ${after.openStreams} open streams, not ${open.length}`);

  const latencies: number[] = [];
  let entitled = 0;
  let delivered = 0;
  let ratingsToAll = 0;
  let foreign = 0;
  let ratings = 0;
  let mutationTotalMs = 0;
  let n = 0;
  const run = Date.now().toString(36);
  for (let round = 0; round < s.warmupRounds + s.rounds; round++) {
    const measured = round >= s.warmupRounds;
    const sent = await Promise.all(
      s.plans.map(async (plan) => {
        const body = JSON.stringify({
          query: s.rateGoal,
          variables: { input: ratingInput(plan, `bench-live-${run}-${n++}`) },
        });
        const at = performance.now();
        const response = await fetch(`${s.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.raterToken(plan)}` },
          body,
        });
        const text = await response.text();
        const answered = performance.now();
        const id = (JSON.parse(text) as { data?: { rateGoal?: { id?: string } } }).data?.rateGoal?.id;
        if (!id) noteError(`RateGoal: ${text}`);
        return { plan, at, answered, id: id ?? null };
      }),
    );
    const byRating = new Map(sent.flatMap((x) => (x.id ? [[x.id, x] as const] : [])));
    const owed = (ratingId: string) => {
      const x = byRating.get(ratingId);
      return x ? open.filter((o) => o.plan === x.plan && !o.ended).length : 0;
    };
    const deadline = performance.now() + DELIVERY_DEADLINE_MS;
    const complete = () =>
      [...byRating.keys()].every((id) => deliveries.filter((d) => d.ratingId === id).length >= owed(id));
    while (!complete() && performance.now() < deadline) await sleep(20);
    // Settle: an event that would reach a stream of another plan arrives by now too.
    await sleep(100);
    const roundDeliveries = deliveries.splice(0);
    if (!measured) continue;
    for (const x of sent) {
      ratings++;
      mutationTotalMs += x.answered - x.at;
      const watching = streams.flatMap((o, i) => (o?.plan === x.plan ? [i] : []));
      entitled += watching.length;
      if (!x.id) continue;
      const got = roundDeliveries.filter((d) => d.ratingId === x.id);
      const reached = new Set<number>();
      for (const d of got) {
        if (streams[d.stream]?.plan !== x.plan) {
          foreign++;
          continue;
        }
        reached.add(d.stream);
        latencies.push(d.at - x.at);
      }
      delivered += reached.size;
      if (watching.every((i) => reached.has(i))) ratingsToAll++;
    }
    // Events of no rating this round sent (there should be none).
    foreign += roundDeliveries.filter((d) => !byRating.has(d.ratingId)).length;
  }
  const ended = open.filter((o) => o.ended).length;
  for (const o of open) o.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies.length === 0
      ? Number.NaN
      : (latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] as number);
  const perStream = (a: number, b: number) =>
    open.length === 0 ? Number.NaN : ((b - a) * 1024) / open.length;
  return {
    streams: s.streams,
    failedToOpen: s.streams - open.length,
    plans: s.plans.length,
    ratings,
    entitled,
    delivered,
    ratingsToAll,
    foreign,
    ended,
    p50: at(0.5),
    p95: at(0.95),
    max: latencies.at(-1) ?? Number.NaN,
    mutationMs: ratings === 0 ? Number.NaN : mutationTotalMs / ratings,
    openSeconds,
    before,
    after,
    rssPerStreamKb: perStream(before.rssMb, after.rssMb),
    heapPerStreamKb: perStream(before.heapMb, after.heapMb),
    firstError,
  };
}

/** Watchers of the warm-up only: subjects no measured stream uses. */
const WARM_UP_WATCHERS = 1_000_000;

/**
 * A few streams opened, served one rating and closed before anything is measured, so the
 * memory before the streams includes what the first stream of a process builds once (the
 * subscription's code paths compiled, statement caches) and is not charged to every stream.
 */
async function warmUp(s: StreamScenario): Promise<void> {
  const plan = s.plans[0] as WatchedPlan;
  const opened = await Promise.all(
    Array.from({ length: 5 }, async (_, i) =>
      openStream(s, -1 - i, plan, await s.watcherToken(plan, WARM_UP_WATCHERS + i * 5), () => {}).catch(
        () => null,
      ),
    ),
  );
  await sleep(200);
  await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.raterToken(plan)}` },
    body: JSON.stringify({
      query: s.rateGoal,
      variables: { input: ratingInput(plan, `bench-live-warm-up-${Date.now()}`) },
    }),
  });
  await sleep(500);
  for (const o of opened) o?.close();
  await sleep(500);
}

/** A rating of the plan's goal as a professional of a department with a case. */
function ratingInput(plan: WatchedPlan, idempotencyKey: string) {
  return {
    idempotencyKey,
    goalId: plan.goalId,
    raterRole: 'PROFESSIONAL',
    value: Math.round(Math.random() * 10),
    occurredAt: new Date().toISOString(),
  };
}

/** The API at rest: sampled twice a quarter-second apart, the lower heap (after a minor GC). */
async function settledSample(s: StreamScenario): Promise<ApiSample> {
  await sleep(250);
  const a = await s.sample();
  await sleep(250);
  const b = await s.sample();
  return a.heapMb < b.heapMb ? { ...b, heapMb: a.heapMb } : b;
}

/**
 * Subscribes over GraphQL-over-SSE (one connection per stream, as kit's client does) and reports
 * each `goalRated` event's rating id with the moment its bytes arrived.
 */
function openStream(
  s: StreamScenario,
  index: number,
  plan: WatchedPlan,
  token: string,
  onRating: (ratingId: string, at: number) => void,
): Promise<Stream> {
  const body = JSON.stringify({ query: s.subscription, variables: { planId: plan.planId } });
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${s.url}/graphql`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      },
    });
    const stream: Stream = { plan, ended: false, close: () => request.destroy() };
    request.on('error', (error) => {
      stream.ended = true;
      reject(error);
    });
    request.on('response', (response: IncomingMessage) => {
      if (response.statusCode !== 200 || !response.headers['content-type']?.includes('text/event-stream')) {
        response.resume();
        return reject(new Error(`stream ${index}: HTTP ${response.statusCode}`));
      }
      let buffer = '';
      let settled = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event:\s*(\S+)/m.exec(block)?.[1];
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (event === 'complete') stream.ended = true;
          if (event !== 'next' || !data) continue;
          const payload = JSON.parse(data) as {
            data?: { goalRated?: { rating?: { id?: string } } } | null;
            errors?: unknown[];
          };
          const id = payload.data?.goalRated?.rating?.id;
          if (id) onRating(id, at);
          else {
            // A subscribe refused by the gate answers one error event, then completes.
            stream.ended = true;
            if (!settled) {
              settled = true;
              reject(new Error(`stream ${index}: ${data}`));
            }
          }
        }
      });
      response.on('close', () => {
        stream.ended = true;
      });
      // Refusals arrive at once; a live stream stays quiet until the first rating.
      setTimeout(() => {
        if (settled) return;
        settled = true;
        if (stream.ended) reject(new Error(`stream ${index} ended at once`));
        else resolve(stream);
      }, 50);
    });
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
