import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { createLifecycle } from '../lifecycle/lifecycle.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { createHealthEndpoints } from './health.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const get = async (path: string) => {
  const response = await fetch(`${api.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Answers what one endpoint writes to a stand-in response. */
async function answerOf(write: (res: never) => void | Promise<void>) {
  const answer = { status: 0, body: '' };
  const res = {
    writeHead(status: number) {
      answer.status = status;
      return this;
    },
    end(body: string) {
      answer.body = body;
    },
  };
  await write(res as never);
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

describe('/healthz and /readyz', () => {
  it('are both OK on a migrated database that answers', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('reports not ready while a migration is missing, and ready again once it is back', async () => {
    const client = sqliteOf(api.app.db);
    const newest = client
      .prepare('select hash, created_at from __drizzle_migrations order by created_at desc limit 1')
      .get() as { hash: string; created_at: number };
    client.prepare('delete from __drizzle_migrations where created_at = ?').run(newest.created_at);
    try {
      expect(await get('/readyz')).toEqual({
        status: 503,
        body: { status: 'not ready', reason: 'migrations pending' },
      });
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      client
        .prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
        .run(newest.hash, newest.created_at);
    }
    expect((await get('/readyz')).status).toBe(200);
  });

  it('answers 503 on /readyz while draining, while /healthz stays 200', async () => {
    api.app.lifecycle.beginDrain();
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'shutting down' },
    });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });
});

describe('the readiness probe', () => {
  it('says unreachable when the database throws, without the error', async () => {
    const health = createHealthEndpoints({
      lifecycle: createLifecycle(),
      probeDatabase: () => {
        throw new Error('SQLITE_CANTOPEN: /secret/path');
      },
    });
    expect(await answerOf((res) => health.readyz(res))).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'unreachable' },
    });
  });

  it('gives up on a database that does not answer within the timeout', async () => {
    const health = createHealthEndpoints({
      lifecycle: createLifecycle(),
      probeDatabase: () => new Promise(() => {}),
      timeoutMs: 50,
    });
    const started = performance.now();
    const answer = await answerOf((res) => health.readyz(res));
    expect(answer).toEqual({ status: 503, body: { status: 'not ready', reason: 'timeout' } });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts a synchronous answer that came too late as a timeout', async () => {
    const health = createHealthEndpoints({
      lifecycle: createLifecycle(),
      probeDatabase: () => {
        const until = performance.now() + 30;
        while (performance.now() < until) {}
        return null;
      },
      timeoutMs: 10,
    });
    expect((await answerOf((res) => health.readyz(res))).body.reason).toBe('timeout');
  });
});
