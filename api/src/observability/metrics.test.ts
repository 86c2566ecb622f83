import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { sqliteOf } from '../db/client.js';
import { createMetricsEndpoint } from '../http/metrics-endpoint.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import { createMetrics } from './metrics.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text exposition format, as far as prom-client writes it. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key as string] = value as string;
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

let api: TestApi;
let worker: string;
let planId: string;
const scrape = async (headers: Record<string, string> = {}) => {
  const response = await fetch(`${api.url}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

beforeAll(async () => {
  api = await startTestApi();
  worker = await api.token({
    role: 'PROFESSIONAL',
    departmentId: demoDepartments(api.app).CHILDREN_FAMILY as string,
  });
  planId = (
    sqliteOf(api.app.db)
      .prepare(
        "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
      )
      .get() as { id: string }
  ).id;
});
afterAll(() => api.close());

const RECORD = 'mutation Record($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }';
const measurement = (values: number[]) => ({
  input: {
    idempotencyKey: crypto.randomUUID(),
    citizenId: demoCitizen(api.app, 'Mikkel Sørensen'),
    departmentId: demoDepartments(api.app).CHILDREN_FAMILY,
    instrumentKey: 'child-outcome',
    respondentRole: 'CHILD',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    values,
  },
});

describe('/metrics', () => {
  it('exposes process metrics, request durations, operations by outcome and recorded measurements', async () => {
    const before = parse((await scrape()).text);
    expect((await api.gql(worker, RECORD, measurement([5, 6, 7, 8]))).errors).toBeUndefined();
    expect((await api.gql(worker, RECORD, measurement([99, 6, 7, 8]))).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    const after = parse(text);
    const delta = (name: string, labels: Record<string, string> = {}) =>
      value(after, name, labels) - value(before, name, labels);

    expect(value(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(
      delta('helhed_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/graphql',
        status: '200',
      }),
    ).toBe(2);
    const ops = { type: 'mutation', operation: 'recordMeasurement' };
    expect(delta('helhed_graphql_operations_total', { ...ops, outcome: 'ok' })).toBe(1);
    expect(delta('helhed_graphql_operations_total', { ...ops, outcome: 'BAD_USER_INPUT' })).toBe(1);
    expect(delta('helhed_measurements_recorded_total')).toBe(1);
    // Recording reads the citizen and writes the measurement: at least one audit event.
    expect(delta('helhed_audit_events_written_total')).toBeGreaterThanOrEqual(1);
  });

  it('counts open subscription streams up while open and down once closed', async () => {
    const gauge = async () => value(parse((await scrape()).text), 'helhed_sse_subscriptions_open');
    const controller = new AbortController();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${worker}`,
      },
      body: JSON.stringify({
        query: 'subscription($p: ID!) { goalRated(planId: $p) { planId } }',
        variables: { p: planId },
      }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(await gauge()).toBe(1);
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await gauge()).toBe(0);
  });

  it('keeps every label value bounded: no ids, names or free text', async () => {
    const ids = sqliteOf(api.app.db)
      .prepare('select id from citizen union select id from plan')
      .pluck()
      .all() as string[];
    const samples = parse((await scrape()).text);
    for (const s of samples) {
      for (const v of Object.values(s.labels)) {
        expect(v, `${s.name} ${v}`).toMatch(/^[A-Za-z0-9_/.+\-[\]]{0,40}$/);
        expect(v, s.name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(ids).not.toContain(v);
      }
    }
  });
});

describe('protecting /metrics', () => {
  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await startTestApi({ METRICS_TOKEN: 'a-long-enough-metrics-token' });
    try {
      const get = (authorization?: string) =>
        fetch(`${guarded.url}/metrics`, { headers: authorization ? { authorization } : {} }).then(
          (r) => r.status,
        );
      expect(await get()).toBe(401);
      expect(await get('Bearer a-long-enough-metrics-tokeN')).toBe(401);
      expect(await get('Bearer a-long-enough-metrics-token')).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('is off in production without a token, and refuses short tokens', async () => {
    const metrics = createMetrics();
    const serve = createMetricsEndpoint(metrics.registry, { token: null, open: false });
    const server = createServer((req, res) => void serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    } finally {
      server.close();
    }
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
