import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Db, sqliteOf } from '../../db/client.js';
import { computeStatistics, statisticsOf } from './compute.js';
import { summariseSeriesPg } from './series-query-pg.js';
import type { Statistics, StatisticsRequest } from './types.js';

/** Runs statistics jobs off the request thread where it can. */
export interface StatisticsRunner {
  run(request: StatisticsRequest): Promise<Statistics>;
  /** Stops the worker threads that were started. */
  close(): Promise<void>;
}

type Reply = { id: number; result?: Statistics; error?: string };
type Pending = { resolve: (s: Statistics) => void; reject: (e: Error) => void };

/**
 * A file database gets a small pool of worker threads (`size`, default one per core up to two),
 * started on first use, each with its own read-only connection; a job goes to the worker with the
 * fewest jobs, so two analysts do not queue behind each other, and the request thread only waits
 * on a promise. An in-memory database cannot be opened twice, so its jobs run in-process (tests
 * and tools only).
 */
export function createStatisticsRunner(db: Db, size = Math.min(2, availableParallelism())): StatisticsRunner {
  const pool = db.$postgres;
  if (pool) {
    // PostgreSQL runs the aggregate in its own process already; the request thread only waits.
    return {
      run: async (request) => statisticsOf(await summariseSeriesPg(pool, request), request),
      close: async () => {},
    };
  }
  const client = sqliteOf(db);
  if (client.memory) {
    return { run: async (request) => computeStatistics(client, request), close: async () => {} };
  }
  const slots: (PooledWorker | null)[] = Array.from({ length: Math.max(1, size) }, () => null);
  let nextId = 1;
  const start = (slot: number): PooledWorker => {
    const w = spawnWorker(client.name);
    const pooled: PooledWorker = { worker: w, pending: new Map() };
    const failAll = (error: Error) => {
      for (const p of pooled.pending.values()) p.reject(error);
      pooled.pending.clear();
      if (slots[slot] === pooled) slots[slot] = null;
    };
    w.on('message', (reply: Reply) => {
      const p = pooled.pending.get(reply.id);
      pooled.pending.delete(reply.id);
      // An idle worker must not keep the process alive; a busy one must (see run).
      if (pooled.pending.size === 0) w.unref();
      if (reply.result) p?.resolve(reply.result);
      else p?.reject(new Error(reply.error ?? 'Statistics worker failed.'));
    });
    w.on('error', failAll);
    w.on('exit', () => failAll(new Error('Statistics worker stopped.')));
    return pooled;
  };
  /** An idle started worker first, then a slot not started yet, then the least busy one. */
  const choose = (): PooledWorker => {
    let best = -1;
    for (let i = 0; i < slots.length; i++) {
      const load = slots[i]?.pending.size ?? Number.POSITIVE_INFINITY;
      if (load === 0) return slots[i] as PooledWorker;
      if (best === -1 || load < (slots[best]?.pending.size ?? Number.POSITIVE_INFINITY)) best = i;
    }
    const empty = slots.indexOf(null);
    const slot = empty === -1 ? best : empty;
    const pooled = slots[slot] ?? start(slot);
    slots[slot] = pooled;
    return pooled;
  };
  return {
    run(request) {
      const pooled = choose();
      const id = nextId++;
      const promise = new Promise<Statistics>((resolve, reject) =>
        pooled.pending.set(id, { resolve, reject }),
      );
      pooled.worker.ref();
      pooled.worker.postMessage({ id, request });
      return promise;
    },
    async close() {
      const running = slots.filter((s): s is PooledWorker => s !== null);
      slots.fill(null);
      await Promise.all(running.map((s) => s.worker.terminate()));
    },
  };
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * From dist/ the worker is plain JavaScript. From src/ (vitest, `tsx watch`) it is TypeScript,
 * which a fresh worker cannot load by itself, so a one-line module registers tsx first.
 */
function spawnWorker(file: string): Worker {
  const options = { workerData: { file } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
