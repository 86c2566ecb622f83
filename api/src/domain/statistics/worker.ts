import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { computeStatistics } from './compute.js';
import type { StatisticsRequest } from './types.js';

/**
 * The statistics worker thread: its own read-only connection to the same SQLite file (WAL lets
 * it read beside the API's writer), so a long aggregate never blocks the request thread.
 */
const { file } = workerData as { file: string };
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
// An analytic connection: a larger page cache (64 MB) keeps repeated scans in memory.
sqlite.pragma('cache_size = -65536');

parentPort?.on('message', (message: { id: number; request: StatisticsRequest }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: computeStatistics(sqlite, message.request) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).message });
  }
});
