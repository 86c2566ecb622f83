import autocannon, { type Request, type Result } from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  warmupS: number;
  /** Builds one request; called for every request, so bodies and tokens can vary. */
  request: () => { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
  /** True when a 200 response's body is a failure too (a GraphQL error). */
  failed?: (body: string) => boolean;
}

export interface LoadFigures {
  connections: number;
  durationS: number;
  requests: number;
  /** Completed requests per second over the measured period. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-2xx, transport errors, timeouts and GraphQL errors together. */
  errors: number;
  firstError: string | null;
}

/** Runs a warm-up (discarded), then the measured period, and reports exact latency percentiles. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  if (options.warmupS > 0) await fire(options, options.warmupS);
  return fire(options, options.durationS);
}

async function fire(options: LoadOptions, durationS: number): Promise<LoadFigures> {
  const latencies: number[] = [];
  let bodyErrors = 0;
  let firstError: string | null = null;
  const request: Request = {
    setupRequest: (base) => ({ ...base, ...options.request() }),
    onResponse: (status, body) => {
      if (status === 200 && !options.failed?.(body)) return;
      bodyErrors++;
      firstError ??= `${status}: ${body.slice(0, 300)}`;
    },
  };
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: durationS,
        timeout: 30,
        requests: [request],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  return {
    connections: options.connections,
    durationS: result.duration,
    requests: latencies.length,
    throughput: latencies.length / result.duration,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
    errors: bodyErrors + result.errors + result.timeouts,
    firstError,
  };
}

/** A GraphQL response with an `errors` member failed, even with status 200. */
export const graphqlFailed = (body: string) => body.includes('"errors"');
