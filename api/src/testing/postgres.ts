import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throw-away PostgreSQL server for tests: Debian's binaries, a cluster in a temp dir, a free
 * loopback port, trust auth, no fsync. Each test file asks it for a fresh database.
 */
export interface TestPostgres {
  /** Connection string of the server's maintenance database. */
  url: string;
  stop(): Promise<void>;
}

/** Why tests cannot run on PostgreSQL here, with what to do about it. */
export const postgresMissingMessage =
  "PostgreSQL's server binaries are missing (/usr/lib/postgresql/*/bin/postgres). " +
  "Install Debian's package: sudo sh -c 'apt-get update && apt-get install -y postgresql'";

/** The newest installed Debian PostgreSQL bin directory, or null. */
export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

export interface TestPostgresOptions {
  /**
   * Keep PostgreSQL's durability (fsync, synchronous commit, full-page writes) as a production
   * server has it: the benchmark compares it with SQLite's fsynced commits. Tests leave it off.
   */
  durable?: boolean;
  /** Further server settings (`-c name=value`), e.g. shared_buffers. */
  settings?: Record<string, string>;
}

/** Starts a fresh cluster. Postgres refuses to run as root, so root runs it as `postgres`. */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresMissingMessage);
  const dir = mkdtempSync(join(tmpdir(), 'helhed-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  const data = join(dir, 'data');
  const [initdb, initArgs] = command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  execFileSync(initdb, [...initArgs, '--no-sync'], { stdio: 'pipe' });
  const port = await freePort();
  const [postgres, args] = command('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    // A test cluster is thrown away: durability would only cost time.
    ...(options.durable
      ? []
      : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    '-c',
    'max_connections=200',
    ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ]);
  const child = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilReady(url, child, () => log);
  // Signals go to the postmaster itself: runuser does not pass them on.
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  // A test process that exits without stopping the cluster (a crash, a timeout) takes it along.
  const orphanGuard = () => {
    try {
      process.kill(postmaster, 'SIGQUIT');
    } catch {}
  };
  process.once('exit', orphanGuard);
  return {
    url,
    async stop() {
      process.off('exit', orphanGuard);
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(postmaster, 'SIGINT'); // fast shutdown: roll back open transactions, then exit
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database on the server and answers its connection string. */
export async function createTestDatabase(serverUrl: string, prefix = 'helhed'): Promise<string> {
  const name = `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not start: ${String(error)}\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * A pool for a test database. pg's pool ends its idle clients without waiting for their sockets to
 * close, so a cluster stopped right after `pool.end()` can still send them "terminating
 * connection" — expected at that point, and without a listener it would be an unhandled error.
 */
export function openTestPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  pool.on('error', () => {});
  return pool;
}

/** A plain connection for tests that look into the database behind the API. */
export interface TestDatabaseConnection {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  end(): Promise<void>;
}

export async function connectTestDatabase(url: string): Promise<TestDatabaseConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    end: () => client.end(),
  };
}

/** Environment variable naming the shared test cluster (set by the test runner's global setup). */
export const TEST_POSTGRES_URL = 'HELHED_TEST_POSTGRES_URL';
