import type { LoadFigures } from './load.js';
import type { StreamFigures } from './streams.js';

export interface ScenarioRow {
  name: string;
  /** What is measured: the real API, or a baseline to compare it with. */
  system: 'api' | 'baseline';
  figures: LoadFigures | null;
  /** Why there are no figures (e.g. the operation is not in the schema yet). */
  note?: string;
}

export interface BudgetCheck {
  budget: string;
  actual: string;
  met: boolean | null;
  /** A figure printed beside the budgets for context, with no verdict of its own. */
  figure?: true;
}

const num = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The results table, one row per scenario, in plain text that pastes into Markdown too. */
export function formatTable(rows: ScenarioRow[]): string {
  const header = ['Scenario', 'Conns', 'Req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'Requests', 'Errors'];
  const lines = rows.map((r) => {
    const f = r.figures;
    if (!f) return [r.name, '–', r.note ?? 'not run', '', '', '', '', ''];
    return [
      r.name,
      String(f.connections),
      num(f.throughput, 0),
      num(f.p50),
      num(f.p95),
      num(f.p99),
      f.requests.toLocaleString('en-US'),
      String(f.errors),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    row(header),
    `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(row),
  ].join('\n');
}

/** Issue 21: a rating reaches all of 500 open `goalRated` streams within 1 s at the 95th percentile. */
export const STREAM_BUDGET = { streams: 500, p95Ms: 1000 };

/**
 * The budgets of issues 9 and 21, checked against one run on one database. A budget without
 * figures is unknown (null).
 */
export function checkBudgets(rows: ScenarioRow[], streams: StreamFigures | null = null): BudgetCheck[] {
  const get = (name: string) => rows.find((r) => r.name === name)?.figures ?? null;
  const record = get('RecordMeasurement');
  const citizen = get('CitizenProgression');
  const statistics = get('Statistics');
  const caseload = get('Caseload');
  const economy = get('EconomyStatistics');
  const yoga = get('baseline: yoga insert');
  const plain = get('baseline: plain citizen read');
  const checks: BudgetCheck[] = [];
  const add = (
    budget: string,
    value: number | null,
    ok: (v: number) => boolean,
    show: (v: number) => string,
  ) =>
    checks.push(
      value === null || Number.isNaN(value)
        ? { budget, actual: value === null ? 'no figures' : 'no request completed', met: null }
        : { budget, actual: show(value), met: ok(value) },
    );
  add(
    'RecordMeasurement ≥ 2,500 req/s',
    record?.throughput ?? null,
    (v) => v >= 2500,
    (v) => `${num(v, 0)} req/s`,
  );
  add(
    'RecordMeasurement p99 < 25 ms',
    record?.p99 ?? null,
    (v) => v < 25,
    (v) => `${num(v)} ms`,
  );
  add(
    'RecordMeasurement ≥ 50 % of the yoga-insert baseline',
    record && yoga ? record.throughput / yoga.throughput : null,
    (v) => v >= 0.5,
    (v) =>
      `${num(v * 100, 0)} % (${num(record?.throughput ?? 0, 0)} vs ${num(yoga?.throughput ?? 0, 0)} req/s)`,
  );
  add(
    'CitizenProgression p99 < 25 ms',
    citizen?.p99 ?? null,
    (v) => v < 25,
    (v) => `${num(v)} ms`,
  );
  for (const q of ['p50', 'p99'] as const) {
    add(
      `CitizenProgression ${q} ≤ 3 × the plain-read baseline`,
      citizen && plain ? citizen[q] / plain[q] : null,
      (v) => v <= 3,
      (v) => `${num(v)} × (${num(citizen?.[q] ?? 0)} vs ${num(plain?.[q] ?? 0)} ms)`,
    );
  }
  const alone = get('Caseload alone');
  // A window in which no request completed has no percentiles: unknown, never "met".
  const p95 = (f: typeof alone) => (f === null ? null : f.requests === 0 ? Number.NaN : f.p95);
  add(
    'Caseload (~2,000 citizens) p95 ≤ 100 ms, one at a time',
    p95(alone),
    (v) => v <= 100,
    (v) => `${num(v)} ms (p50 ${num(alone?.p50 ?? 0)}, p99 ${num(alone?.p99 ?? 0)})`,
  );
  // Issue 19's budget is the query's latency, one professional at a time. Ten connections that
  // each ask again as soon as they are answered keep ten reads queued: every answer waits for
  // about ten reads, whatever one read costs. Printed for context, not as a budget.
  const tenAtOnce = p95(caseload);
  if (tenAtOnce !== null)
    checks.push({
      budget: 'Caseload, 10 professionals at once (taking turns): p95',
      actual: Number.isNaN(tenAtOnce)
        ? 'no request completed'
        : `${num(tenAtOnce)} ms (p50 ${num(caseload?.p50 ?? 0)}, p99 ${num(caseload?.p99 ?? 0)})`,
      met: null,
      figure: true,
    });
  add(
    "EconomyStatistics (5,000 citizens' costs) p95 ≤ 150 ms",
    economy?.p95 ?? null,
    (v) => v <= 150,
    (v) => `${num(v)} ms`,
  );
  add(
    'Statistics p95 < 150 ms',
    statistics?.p95 ?? null,
    (v) => v < 150,
    (v) => `${num(v)} ms`,
  );
  add(
    `Live streams: ${STREAM_BUDGET.streams} open, every rating to every entitled one`,
    streams ? streams.delivered - streams.entitled : null,
    // Fewer streams than the budget's cannot meet it, however well they are served.
    (missed) =>
      missed === 0 &&
      streams?.failedToOpen === 0 &&
      streams.foreign === 0 &&
      streams.ratings > 0 &&
      streams.streams >= STREAM_BUDGET.streams,
    () =>
      `${(streams?.delivered ?? 0).toLocaleString('en-US')} of ${(streams?.entitled ?? 0).toLocaleString('en-US')} ` +
      `deliveries, ${streams?.streams ?? 0} streams (${streams?.failedToOpen ?? 0} failed to open), ` +
      `${streams?.foreign ?? 0} to another plan's`,
  );
  add(
    `Live streams: rating delivered p95 ≤ ${num(STREAM_BUDGET.p95Ms, 0)} ms`,
    streams ? streams.p95 : null,
    (v) => v <= STREAM_BUDGET.p95Ms,
    (v) => `${num(v)} ms (p50 ${num(streams?.p50 ?? 0)}, max ${num(streams?.max ?? 0)})`,
  );
  return checks;
}

const verdict = (c: BudgetCheck) =>
  c.figure ? '· figure' : c.met === null ? '?       ' : c.met ? '✓ met   ' : '✗ MISSED';
const unmeasured = (c: BudgetCheck | undefined) => c === undefined || c.actual === 'no figures';
/** The budgets this run has no figures for (another --only), said in one line instead of one each. */
const notMeasured = (n: number) => (n === 0 ? [] : [`(${n} other budgets: not measured in this run)`]);

export function formatBudgets(checks: BudgetCheck[]): string {
  const shown = checks.filter((c) => !unmeasured(c));
  return [
    ...shown.map((c) => `${verdict(c)}  ${c.budget.padEnd(62)} ${c.actual}`),
    ...notMeasured(checks.length - shown.length),
  ].join('\n');
}

/**
 * The same budgets checked on each database, one line per budget and database, the databases
 * next to each other under their budget.
 */
export function formatBudgetsSideBySide(columns: { database: string; checks: BudgetCheck[] }[]): string {
  if (columns.length === 1) return formatBudgets(columns[0]?.checks ?? []);
  const width = Math.max(...columns.map((c) => c.database.length));
  const budgets = columns[0]?.checks.map((c) => c.budget) ?? [];
  const lookup = (checks: BudgetCheck[], budget: string) => checks.find((x) => x.budget === budget);
  const shown = budgets.filter((b) => !columns.every(({ checks }) => unmeasured(lookup(checks, b))));
  return [
    ...shown.map((budget) =>
      [
        budget,
        ...columns.map(({ database, checks }) => {
          const c = lookup(checks, budget);
          return `  ${database.padEnd(width)}  ${c ? `${verdict(c)}  ${c.actual}` : '?'}`;
        }),
      ].join('\n'),
    ),
    ...notMeasured(budgets.length - shown.length),
  ].join('\n');
}

/** The live-streams scenario in a few lines: what was opened, what arrived, how fast, what it cost. */
export function formatStreams(f: StreamFigures): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const mb = (v: number) => num(v, 0);
  return [
    `Live streams (goalRated over SSE): ${n(f.streams - f.failedToOpen)} of ${n(f.streams)} open on ${f.plans} plans ` +
      `(opened in ${num(f.openSeconds)} s); ${n(f.ratings)} ratings, one per plan at once in each round`,
    `  delivered ${n(f.delivered)} of ${n(f.entitled)}; every rating to all its plan's streams: ${n(f.ratingsToAll)} of ${n(f.ratings)}; ` +
      `to another plan's stream: ${n(f.foreign)}; streams ended early: ${n(f.ended)}`,
    `  send → receipt  p50 ${num(f.p50)} ms, p95 ${num(f.p95)} ms, max ${num(f.max)} ms ` +
      `(RateGoal answered in ${num(f.mutationMs)} ms on average)`,
    `  memory per open stream: ${num(f.rssPerStreamKb)} KB RSS, ${num(f.heapPerStreamKb)} KB heap ` +
      `(RSS ${mb(f.before.rssMb)} → ${mb(f.after.rssMb)} MB, heap used ${mb(f.before.heapMb)} → ${mb(f.after.heapMb)} MB` +
      `${f.after.openStreams === null ? '' : `; the API counted ${n(f.after.openStreams)} open`})`,
    ...(f.firstError ? [`  first error: ${f.firstError}`] : []),
  ].join('\n');
}
