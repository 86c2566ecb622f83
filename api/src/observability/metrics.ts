import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics, on a registry of its own so two APIs in one process (tests)
 * never share counters. Every label value comes from a closed set (routes, methods, status
 * codes, schema field names, error codes): never an id, a name or anything a caller typed.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  graphqlOperations: Counter<'type' | 'operation' | 'outcome'>;
  measurementsRecorded: Counter;
  subscriptionsOpen: Gauge;
}

export interface MetricsSources {
  /** How many audit events the database holds; read on each scrape (cheap: a max over the key). */
  auditEvents?: () => Promise<number>;
}

export function createMetrics(sources: MetricsSources = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    httpDuration: new Histogram({
      name: 'helhed_http_request_duration_seconds',
      help: 'HTTP requests by route and status, from the first byte in to the last byte out.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    graphqlOperations: new Counter({
      name: 'helhed_graphql_operations_total',
      help: 'GraphQL operations by type, root field and outcome (ok or the first error code).',
      labelNames: ['type', 'operation', 'outcome'],
      registers,
    }),
    measurementsRecorded: new Counter({
      name: 'helhed_measurements_recorded_total',
      help: 'recordMeasurement calls answered with a measurement (an idempotent replay counts again).',
      registers,
    }),
    subscriptionsOpen: new Gauge({
      name: 'helhed_sse_subscriptions_open',
      help: 'GraphQL subscriptions currently streaming over server-sent events.',
      registers,
    }),
  };
  const auditEvents = sources.auditEvents;
  if (auditEvents) {
    // Counted in the database, where every audit write lands, rather than at each call site.
    const baseline = auditEvents();
    new Counter({
      name: 'helhed_audit_events_written_total',
      help: 'Audit events appended since this process started.',
      registers,
      async collect() {
        const [now, start] = await Promise.all([auditEvents(), baseline]);
        this.reset();
        this.inc(Math.max(0, now - start));
      },
    });
  }
  return metrics;
}
