import { Worker } from 'node:worker_threads';
import type { Db } from './handle.js';
import { assistCheckpoints } from './sqlite.js';

/** What one checkpoint did, in WAL frames (pages). */
export interface CheckpointReport {
  /** Frames in the WAL when it ran. */
  log: number;
  /** Frames of it now copied into the database file (and that file synced). */
  checkpointed: number;
}

export interface CheckpointerOptions {
  /** How often the worker checkpoints (default 250 ms). */
  intervalMs?: number;
  /** Called with every checkpoint's figures (tests, metrics). */
  onCheckpoint?: (report: CheckpointReport) => void;
}

export interface Checkpointer {
  /** Stops the worker and gives checkpoints back to the API's own connection. */
  stop(): Promise<void>;
}

/** SQLite's default: a commit that finds this many frames in the WAL checkpoints on the spot. */
const DEFAULT_AUTOCHECKPOINT = 1000;
/** While the worker runs, the request thread checkpoints only if the worker fell this far behind. */
const BACKSTOP_AUTOCHECKPOINT = 20_000;

/**
 * The worker's whole program, plain JavaScript so it starts the same from dist/ and from src/
 * under tsx. Its own connection copies the WAL into the database file with a PASSIVE checkpoint
 * (it never waits for, nor blocks, the writer) and, at synchronous=FULL, syncs the WAL before and
 * the database file after, as SQLite's own checkpoints do.
 */
const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
const { default: Database } = await import(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
const checkpoint = (id) => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ id, log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ id, error: error.message });
  }
};
const timer = setInterval(() => checkpoint(0), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message.checkpoint) return checkpoint(message.checkpoint);
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

type Reply = { id: number } & (CheckpointReport | { error: string });

/**
 * Moves WAL checkpoints off the request thread (docs/access.md, "Group commit"): SQLite runs one
 * inside the COMMIT that finds 1,000 frames in the WAL, copying them into the database file and
 * syncing it while every request waits — the longest pauses of a busy write load. A worker thread
 * with its own connection checkpoints every `intervalMs` instead, and at once when the writer,
 * finding the WAL large, waits for it between two batches so that the WAL can start over; the
 * API's connection keeps a far larger threshold only as a backstop. Nothing to do for PostgreSQL or a database in memory.
 */
export function startCheckpointer(db: Db, options: CheckpointerOptions = {}): Checkpointer {
  const sqlite = db.$sqlite;
  if (!sqlite || sqlite.memory) return { stop: async () => {} };
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), {
    workerData: {
      driver: import.meta.resolve('better-sqlite3'),
      file: sqlite.name,
      intervalMs: options.intervalMs ?? 250,
    },
  });
  // A background chore: it must not keep the process alive.
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT}`);
  const restore = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
  };
  // Checkpoints the writer asked for (sqlite.ts, WAL_RESTART_BYTES), by id; 0 = the timer's.
  const asked = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 1;
  worker.on('message', (reply: Reply) => {
    const waiting = asked.get(reply.id);
    asked.delete(reply.id);
    if ('error' in reply) {
      if (waiting) waiting.reject(new Error(reply.error));
      else console.error(`WAL checkpoint failed: ${reply.error}`);
      return;
    }
    options.onCheckpoint?.({ log: reply.log, checkpointed: reply.checkpointed });
    waiting?.resolve();
  });
  assistCheckpoints(sqlite, () => {
    const id = nextId++;
    const done = new Promise<void>((resolve, reject) => asked.set(id, { resolve, reject }));
    worker.postMessage({ checkpoint: id });
    return done;
  });
  // If the worker dies, the API's connection checkpoints for itself again.
  worker.on('error', (error) => console.error(`The WAL checkpoint worker stopped: ${error.message}`));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => {
    assistCheckpoints(sqlite, null);
    for (const waiting of asked.values()) waiting.reject(new Error('The WAL checkpoint worker stopped.'));
    asked.clear();
    restore();
  });
  return {
    async stop() {
      // Until it has closed its connection, the worker must keep the process alive.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
