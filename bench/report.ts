import type { LoadFigures } from './load.js';

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

/** The budgets of issue 9, checked against one run. A budget without figures is unknown (null). */
export function checkBudgets(rows: ScenarioRow[]): BudgetCheck[] {
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
  add(
    'Caseload (~2,000 citizens) p95 ≤ 100 ms, 10 at once',
    p95(caseload),
    (v) => v <= 100,
    (v) => `${num(v)} ms (p50 ${num(caseload?.p50 ?? 0)}, p99 ${num(caseload?.p99 ?? 0)})`,
  );
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
  return checks;
}

export function formatBudgets(checks: BudgetCheck[]): string {
  return checks
    .map(
      (c) => `${c.met === null ? '?' : c.met ? '✓ met   ' : '✗ MISSED'}  ${c.budget.padEnd(58)} ${c.actual}`,
    )
    .join('\n');
}
