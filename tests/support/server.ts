import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, TEST_POSTGRES_URL } from '@helhed/api/testing/postgres';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built API's entry point: what `npm start` runs. */
export const apiMain = join(repoRoot, 'api', 'dist', 'main.js');

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The PostgreSQL database the server uses, or null for the SQLite file in dataDir. */
  databaseUrl: string | null;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Which database the tests run against: `HELHED_TEST_DATABASE=postgres` (see scripts/test.mjs). */
export const testOnPostgres = process.env.HELHED_TEST_DATABASE === 'postgres';

/** A fresh database on the run's PostgreSQL cluster (started by postgres-setup.ts). */
export async function freshPostgresDatabase(): Promise<string> {
  const server = process.env[TEST_POSTGRES_URL];
  if (!server) throw new Error(`${TEST_POSTGRES_URL} is not set: run with the postgres global setup.`);
  return createTestDatabase(server);
}

/**
 * Starts the built API exactly as `npm start` does (node api/dist/main.js), on a free port with
 * a fresh SQLite file (or, on PostgreSQL runs, a fresh database), and resolves once it prints
 * its URL. Pass `databaseUrl` to share one database between several servers.
 */
export async function startServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'helhed-e2e-')),
  database?: string | null,
  /**
   * Starts the API with its clock shifted, in faketime's notation (`+8d`): Debian's libfaketime
   * preloaded into the node process itself, so SIGTERM reaches the server (the `faketime`
   * wrapper would keep it as a child that outlives the stop).
   */
  clockOffset?: string,
): Promise<RunningServer> {
  const databaseUrl =
    database === undefined ? (testOnPostgres ? await freshPostgresDatabase() : null) : database;
  const child = spawn(process.execPath, [apiMain], {
    cwd: repoRoot,
    env: {
      ...withoutDatabaseUrl(process.env),
      PORT: '0',
      DATABASE_FILE: join(dataDir, 'helhed.sqlite'),
      NODE_ENV: 'test',
      // What `npm start` asks for: the dev identity provider, GraphiQL and the demo seed (not
      // next to a real issuer or in production mode, which the API refuses to mix with them).
      ...(asksForDemo(env) ? { HELHED_DEMO: 'true' } : {}),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      // $LIB is expanded by the dynamic loader (lib/x86_64-linux-gnu on Debian amd64).
      ...(clockOffset ? { LD_PRELOAD: '/usr/$LIB/faketime/libfaketime.so.1', FAKETIME: clockOffset } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that did not come up must not outlive the test run.
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${log}`));
    }, 20_000);
    const check = () => {
      const match = /running at (http:\/\/[^\s]+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    dataDir,
    databaseUrl,
    process: child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function asksForDemo(env: Record<string, string>): boolean {
  return !env.OIDC_ISSUER && !env.HELHED_PRODUCTION && env.NODE_ENV !== 'production';
}

/** A developer's own DATABASE_URL must not send a test server to their database. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
