import { Worker } from 'node:worker_threads';
import { type Db, sqliteOf } from '../../db/client.js';
import { computeStatistics, statisticsOf } from './compute.js';
import { summariseSeriesPg } from './series-query-pg.js';
import type { Statistics, StatisticsRequest } from './types.js';

/** Runs statistics jobs off the request thread where it can. */
export interface StatisticsRunner {
  run(request: StatisticsRequest): Promise<Statistics>;
  /** Stops the worker thread, if one was started. */
  close(): Promise<void>;
}

type Reply = { id: number; result?: Statistics; error?: string };
type Pending = { resolve: (s: Statistics) => void; reject: (e: Error) => void };

/**
 * A file database gets one worker thread, started on first use, with its own read-only
 * connection; jobs queue there and the request thread only waits on a promise. An in-memory
 * database cannot be opened twice, so its jobs run in-process (tests and tools only).
 */
export function createStatisticsRunner(db: Db): StatisticsRunner {
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
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };
  const start = () => {
    const w = spawnWorker(client.name);
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      // An idle worker must not keep the process alive; a busy one must (see run).
      if (pending.size === 0) w.unref();
      if (reply.result) p?.resolve(reply.result);
      else p?.reject(new Error(reply.error ?? 'Statistics worker failed.'));
    });
    w.on('error', failAll);
    w.on('exit', () => failAll(new Error('Statistics worker stopped.')));
    return w;
  };
  return {
    run(request) {
      worker ??= start();
      const id = nextId++;
      const promise = new Promise<Statistics>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.ref();
      worker.postMessage({ id, request });
      return promise;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
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
