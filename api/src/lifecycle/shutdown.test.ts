import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Graceful shutdown of the real process: `node --import tsx src/main.ts`, as `npm run dev`
 * runs it, on a fresh SQLite file, stopped with SIGTERM the way an orchestrator stops it.
 */

const apiDir = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Running {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

async function start(env: Record<string, string>): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'helhed-shutdown-'));
  dirs.push(dir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_FILE: join(dir, 'helhed.sqlite'),
      NODE_ENV: 'test',
      // The demo seed and dev sign-in, as `npm start` asks for them.
      HELHED_DEMO: 'true',
      LOG_LEVEL: 'info',
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
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: performance.now() })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${log}`)), 30_000);
    const check = () => {
      const match = /Helhed is running at (http:\/\/\S+?)\/?\s/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => reject(new Error(`exited early:\n${log}`)));
  });
  return { url, child, output: () => log, exited };
}

async function parentToken(url: string): Promise<{ token: string; planId: string }> {
  const identities = (await (await fetch(`${url}/auth/dev-identities`)).json()) as {
    role: string;
    label: string;
    citizenId?: string;
  }[];
  const anna = identities.find((i) => i.role === 'PARENT' && i.label === 'Anna Sørensen');
  const issued = await fetch(`${url}/auth/dev-token`, {
    method: 'POST',
    body: JSON.stringify({ role: 'PARENT', citizenId: anna?.citizenId }),
  });
  const { token } = (await issued.json()) as { token: string };
  const plans = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'query($id: ID!) { citizen(id: $id) { plans { id } } }',
      variables: { id: anna?.citizenId },
    }),
  });
  const body = (await plans.json()) as { data: { citizen: { plans: { id: string }[] } } };
  return { token, planId: body.data.citizen.plans[0]?.id as string };
}

/** A POST whose body arrives in two parts: in flight from the first byte until `finish()`. */
function slowRequest(url: string, token: string) {
  const body = JSON.stringify({ query: 'query Slow { departments { id } }' });
  const { hostname, port } = new URL(url);
  const req = request({
    hostname,
    port,
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
    },
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 10));
  return {
    response,
    finish: () => req.end(body.slice(10)),
  };
}

/** Opens goalRated over SSE and resolves with everything the stream said once it ends. */
async function openStream(url: string, token: string, planId: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      query: 'subscription($p: ID!) { goalRated(planId: $p) { planId } }',
      variables: { p: planId },
    }),
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  // Wrapped: an async function returning a bare promise would wait for the stream to end.
  const ended = (async () => {
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
      text += decoder.decode(chunk);
    return text;
  })();
  return { ended };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown on SIGTERM', () => {
  it('fails readiness, finishes the in-flight request, ends open streams and exits 0', async () => {
    const api = await start({ SHUTDOWN_DELAY_MS: '500', SHUTDOWN_TIMEOUT_MS: '8000' });
    const { token, planId } = await parentToken(api.url);
    const stream = await openStream(api.url, token, planId);
    const slow = slowRequest(api.url, token);
    await sleep(200);

    const signalled = performance.now();
    api.child.kill('SIGTERM');
    await sleep(100);
    // Still listening during the delay, but telling the load balancer to go elsewhere.
    const ready = await fetch(`${api.url}/readyz`, { headers: { connection: 'close' } });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', reason: 'shutting down' });
    expect((await fetch(`${api.url}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);

    await sleep(600); // past the delay: the listener is closed, the slow request still open
    await expect(fetch(`${api.url}/healthz`)).rejects.toThrow();
    slow.finish();
    const answer = await slow.response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.departments.length).toBeGreaterThan(0);

    expect(await stream.ended).toContain('event: complete');
    const { code, at } = await api.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(3_000);
    const events = api
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l).event);
    expect(events).toEqual(expect.arrayContaining(['startup', 'shutdown.begin', 'shutdown.done']));
  }, 60_000);

  it('cuts off requests that outlast SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    const api = await start({ SHUTDOWN_TIMEOUT_MS: '300' });
    const { token } = await parentToken(api.url);
    const slow = slowRequest(api.url, token);
    const cutOff = slow.response.catch((error: Error) => error);
    await sleep(200);
    const signalled = performance.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exited;
    expect(code).toBe(1);
    expect(at - signalled).toBeLessThan(2_000);
    expect(await cutOff).toBeInstanceOf(Error);
    expect(api.output()).toContain('"event":"shutdown.timeout"');
  }, 60_000);
});
