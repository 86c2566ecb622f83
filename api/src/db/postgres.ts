import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { DatabaseOpenError, type Db } from './handle.js';
import { pgMigrationsFolder } from './migrations-folders.js';
import * as schema from './schema-pg/index.js';
import { selectDialect } from './tables.js';

/** Any number will do, as long as every Helhed instance uses the same one. */
const MIGRATION_LOCK = 4_600_001;

/**
 * Opens a pool on DATABASE_URL and applies pending migrations. Several API instances may start
 * at once against one database: a session-level advisory lock lets one migrate while the others
 * wait, then find nothing left to do.
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  selectDialect('postgres');
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection the server drops (restart, failover) must not crash the process: the pool
  // opens a new one for the next query.
  pool.on('error', (error) => console.error(`PostgreSQL dropped an idle connection: ${error.message}`));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    const where = url.replace(/\/\/[^@/]*@/, '//'); // never print the password
    throw new DatabaseOpenError(`PostgreSQL at ${where} could not be opened: ${(error as Error).message}`);
  }
  return postgresHandle(pool);
}

/** Applies pending migrations, one instance at a time. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: pgMigrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

type Drizzle = ReturnType<typeof drizzle<typeof schema>>;
type Transaction = Parameters<Parameters<Drizzle['transaction']>[0]>[0];

/**
 * The PostgreSQL handle. THE one cast between the dialects: drizzle's pg database is handed to
 * the domain as the shared async view (handle.ts); the tables it is queried with are the pg twins
 * (tables.ts), kept identical by schema-drift.test.ts.
 */
function postgresHandle(pool: pg.Pool): Db {
  const database = drizzle(pool, { schema });
  const asDb = (target: Drizzle | Transaction, inTransaction = false): Db => {
    const handle = Object.assign(target, {
      $dialect: 'postgres' as const,
      $sqlite: null,
      $postgres: pool,
      $close: () => pool.end(),
    }) as unknown as Db & { transaction: Db['transaction'] };
    const transaction = target.transaction.bind(target);
    // Nested transactions become savepoints, as drizzle does for pg.
    (handle as { transaction: Db['transaction'] }).transaction = (work) =>
      transaction((tx) => work(asDb(tx, true)));
    (handle as { $inTransaction: Db['$inTransaction'] }).$inTransaction = () => inTransaction;
    // Only this transaction's commit skips the wait for the WAL flush (SET LOCAL).
    (handle as { $relaxedWrite: Db['$relaxedWrite'] }).$relaxedWrite = inTransaction
      ? (work) => work(handle)
      : (work) =>
          transaction(async (tx) => {
            await tx.execute(sql`SET LOCAL synchronous_commit = off`);
            return work(asDb(tx, true));
          });
    return handle;
  };
  return asDb(database);
}
