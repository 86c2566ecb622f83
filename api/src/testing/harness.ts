import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { type Dialect, sqliteOf } from '../db/client.js';
import type { Logger } from '../observability/logger.js';
import { createTestDatabase } from './postgres.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/**
 * The real API on a real socket over a fresh SQLite file (or a fresh PostgreSQL database) with the
 * demo seed: what tests of the GraphQL boundary use instead of mocks.
 */
export interface TestApi {
  app: App;
  url: string;
  /** Which database serves this API. */
  dialect: Dialect;
  token(claims: {
    role: string;
    departmentId?: string;
    citizenId?: string;
    municipalityId?: string;
    /** A real identity provider's `name` and `email` claims. */
    name?: string;
    email?: string;
  }): Promise<string>;
  gql<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>>;
  /** Rows in a table, for asserting that a refused write changed nothing. SQLite only. */
  count(table: string): number;
  /**
   * Raw SQL on the API's database, on either dialect, for looking behind the API. Parameters are
   * written `?` (numbered for PostgreSQL here); PostgreSQL answers bigint counts as strings.
   */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  logger?: Logger;
  /**
   * Connection string of a test PostgreSQL server (testing/postgres.ts): the API then serves a
   * fresh database on it instead of a SQLite file. One dialect per process (db/tables.ts).
   */
  postgres?: string;
  /** A pinned clock for the API (and the demo seed, whose history is relative to it). */
  now?: () => Date;
}

export async function startTestApi(
  env: Record<string, string> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'helhed-api-test-'));
  const config = loadConfig({
    DATABASE_FILE: join(dir, 'helhed.sqlite'),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    HELHED_DEMO: 'true',
    ...(options.postgres ? { DATABASE_URL: await createTestDatabase(options.postgres, 'api') } : {}),
    ...env,
  });
  const app = await createApp(config, { seed: true, logger: options.logger, now: options.now });
  const server: Server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    url,
    dialect: app.db.$dialect,
    async token(claims) {
      const response = await fetch(`${url}/auth/dev-token`, { method: 'POST', body: JSON.stringify(claims) });
      const body = (await response.json()) as { token?: string; error?: string };
      if (!body.token) throw new Error(`dev-token refused: ${body.error}`);
      return body.token;
    },
    async gql(token, query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<never>;
    },
    count(table) {
      return (sqliteOf(app.db).prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    },
    async query<T>(sql: string, ...params: unknown[]) {
      const pool = app.db.$postgres;
      if (!pool)
        return sqliteOf(app.db)
          .prepare(sql)
          .all(...params) as T[];
      let n = 0;
      return (
        await pool.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as T[];
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await poolClosed(app);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * app.close() ends the PostgreSQL pool without waiting; wait here, so a test that stops its
 * cluster next does not pull connections from under the pool.
 */
async function poolClosed(app: App): Promise<void> {
  const pool = app.db.$postgres;
  for (let waited = 0; pool && !pool.ended && waited < 5_000; waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Department ids of the demo municipality by kind. */
export function demoDepartments(app: App): Record<string, string> {
  const rows = sqliteOf(app.db).prepare('select id, kind from department').all() as {
    id: string;
    kind: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.kind, r.id]));
}

/** A demo citizen's id by display name. */
export function demoCitizen(app: App, name: string): string {
  const row = sqliteOf(app.db).prepare('select id from citizen where display_name = ?').get(name) as
    | { id: string }
    | undefined;
  if (!row) throw new Error(`no demo citizen ${name}`);
  return row.id;
}
