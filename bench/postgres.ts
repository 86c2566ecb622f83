import type Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, sqliteOf } from '../api/src/db/client.js';
import { copyToPostgres } from '../api/src/db/copy-to-postgres.js';
import { migratePostgres } from '../api/src/db/postgres.js';
import { createTestDatabase, findPostgresBin, startTestPostgres } from '../api/src/testing/postgres.js';

/** A PostgreSQL database holding the benchmark data, and how to be rid of it. */
export interface BenchPostgres {
  url: string;
  stop(): Promise<void>;
}

/** True when Debian's PostgreSQL server binaries are installed, so the bench can start its own. */
export const postgresAvailable = (): boolean => findPostgresBin() !== null;

/**
 * A throw-away cluster (the tests' starter, api/src/testing/postgres.ts) with the durability of a
 * production server (fsync, synchronous commit: SQLite's commits are fsynced too), and the
 * benchmark data copied into a fresh database of it. `seedCopy` is a scratch copy of the seeded
 * file: it is migrated first (by the API's own openDatabase), as the API migrates its copy, so a
 * file seeded by an older build has every column the PostgreSQL schema expects. `stop` removes
 * the cluster.
 */
export async function startBenchPostgres(
  seedCopy: string,
  progress: (line: string) => void,
): Promise<BenchPostgres> {
  const cluster = await startTestPostgres({ durable: true, settings: { shared_buffers: '512MB' } });
  try {
    const url = await createTestDatabase(cluster.url, 'helhed_bench');
    const started = performance.now();
    const source = openDatabase(seedCopy);
    try {
      if (!(await copySeedInto(sqliteOf(source), url, (table, n) => progress(`  copied ${table} (${n})`))))
        throw new Error('The fresh benchmark database already holds data.');
    } finally {
      await source.$close();
    }
    progress(
      `PostgreSQL: the benchmark data copied in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    return { url, stop: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Copies the seeded SQLite rows into an empty PostgreSQL database, migrated by the API's own
 * migrations, then vacuums it and gathers the planner's statistics (a fresh copy has neither
 * until autovacuum gets to it, and the first scenarios would run on guesses and heap fetches).
 * False when it already holds data.
 */
export async function copySeedInto(
  sqlite: Database.Database,
  url: string,
  onTable: (table: string, rows: number) => void,
): Promise<boolean> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  try {
    await migratePostgres(pool);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM municipality');
    if (Number(rows[0]?.n) > 0) return false;
    await copyToPostgres(sqlite, pool, onTable);
    // VACUUM as well: a running database's autovacuum keeps the visibility map that index-only
    // scans rely on (statistics, caseload); a fresh copy has none and would read every heap page.
    await pool.query('VACUUM ANALYZE');
    return true;
  } finally {
    await pool.end();
  }
}
