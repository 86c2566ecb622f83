/**
 * `npm run bench [-- --duration 10 --warmup 2 --file data/bench.sqlite --only A,B]`: starts the
 * real API (api/dist/main.js) in production mode on a copy of the benchmark file, with real
 * ES256 tokens from a local issuer and audit on, drives the contract's operations with
 * autocannon, opens hundreds of live streams, runs the two baselines, and prints figures against
 * the budgets of issues 9 and 21. Then the same API scenarios again on PostgreSQL — a throw-away
 * cluster the bench starts and fills from the same file (`--no-postgres` skips it; it is skipped
 * with a note when PostgreSQL is not installed) — and the budgets of both side by side.
 * A script that prints figures, never a test.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { LIVE as GOAL_RATED_SUBSCRIPTION } from '../mfe-family-dialog/src/family-dialog.data.js';
import { type BrowserFigures, formatBrowser, measureShellRender } from './browser.js';
import { contractOperation, type Fixtures, readFixtures } from './fixtures.js';
import { graphqlFailed, type LoadOptions, runLoad } from './load.js';
import { type BenchClaims, type LocalIssuer, startLocalIssuer } from './oidc.js';
import { repoRoot } from './paths.js';
import { postgresAvailable, startBenchPostgres } from './postgres.js';
import { rssMb, type ServerProcess, startServer } from './processes.js';
import {
  checkBudgets,
  formatBudgetsSideBySide,
  formatStreams,
  formatTable,
  type ScenarioRow,
} from './report.js';
import { type ApiSample, runStreamScenario, type StreamFigures, type WatchedPlan } from './streams.js';

const { values } = parseArgs({
  // --no-postgres
  allowNegative: true,
  options: {
    file: { type: 'string', default: 'data/bench.sqlite' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'statistics-connections': { type: 'string', default: '2' },
    /** Cold loads of the shell's citizen page in Chromium. */
    'browser-runs': { type: 'string', default: '7' },
    only: { type: 'string' },
    'api-node-options': { type: 'string', default: '' },
    /** Another build of the API to compare with, e.g. an experiment's dist/main.js. */
    'api-main': { type: 'string', default: 'api/dist/main.js' },
    out: { type: 'string', default: 'bench-results/latest.json' },
    /**
     * The API scenarios on PostgreSQL too, on a throw-away cluster filled from --file. Default:
     * when PostgreSQL's binaries are installed. Not with DATABASE_URL (that database is used alone).
     */
    postgres: { type: 'boolean' },
    /** LiveStreams: open goalRated streams, the plans they watch, and rating rounds. */
    streams: { type: 'string', default: '500' },
    'stream-plans': { type: 'string', default: '10' },
    'stream-rounds': { type: 'string', default: '10' },
    'stream-warmup-rounds': { type: 'string', default: '2' },
  },
});
const abs = (p: string) => (isAbsolute(p) ? p : resolve(repoRoot, p));
const seedFile = abs(values.file);
const durationS = Number(values.duration);
const warmupS = Number(values.warmup);
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
const wanted = (name: string) => only === null || only.has(name);
const mainJs = abs(values['api-main']);
/** A probe that takes longer than this counts as failed instead of holding the run up. */
const PROBE_TIMEOUT_MS = 60_000;

if (!existsSync(mainJs)) fail(`${mainJs} is missing: run \`npm run build\` first.`);
if (!existsSync(seedFile)) fail(`${seedFile} is missing: run \`npm run seed:bench\` first.`);
if (!(durationS > 0) || !(warmupS >= 0)) fail('--duration must be > 0 and --warmup ≥ 0 (seconds).');

const streamCount = Number(values.streams);
const streamPlans = Number(values['stream-plans']);
if (![streamCount, streamPlans, Number(values['stream-rounds'])].every((v) => Number.isInteger(v) && v > 0))
  fail('--streams, --stream-plans and --stream-rounds take whole numbers > 0.');
/** Whom the API serves from: the SQLite file, or a PostgreSQL database. */
type Target = { name: 'SQLite' | 'PostgreSQL'; file: string; url: string | null };
const externalUrl = process.env.DATABASE_URL ?? null;
const withPostgres = externalUrl === null && (values.postgres ?? postgresAvailable());
if (values.postgres && !postgresAvailable())
  fail(
    "--postgres needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin): apt-get install postgresql",
  );
/** The API server's own metrics (heap, open streams), behind a token only this run knows. */
const metricsToken = randomBytes(24).toString('hex');

const work = mkdtempSync(join(tmpdir(), 'helhed-bench-'));
const baselineRows: ScenarioRow[] = [];
const fixtures = readFixtures(seedFile);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const load = (o: Pick<LoadOptions, 'url' | 'connections' | 'request' | 'failed'>) =>
  runLoad({ ...o, durationS, warmupS });
const progress = (s: string) => process.stderr.write(`${s}\n`);

// A server must not outlive the benchmark, whatever ends it.
const servers = new Set<ServerProcess>();
process.on('exit', () => {
  for (const s of servers) s.kill();
  rmSync(work, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

const apiFile = copy('api.sqlite');
const issuer = await startLocalIssuer();
const runs: ApiRun[] = [];
if (externalUrl !== null) {
  runs.push(await runApiScenarios({ name: 'PostgreSQL', file: apiFile, url: externalUrl }, issuer));
} else {
  runs.push(await runApiScenarios({ name: 'SQLite', file: apiFile, url: null }, issuer));
  if (!withPostgres) progress('PostgreSQL: not run (--no-postgres, or its binaries are not installed).');
  else if (runs[0]?.rows.length === 0 && runs[0].streams === null)
    progress('PostgreSQL: not run (no API scenario selected).');
  else {
    progress('PostgreSQL: starting a throw-away cluster and copying the benchmark data into it…');
    const source = copy('postgres-source.sqlite');
    const postgres = await startBenchPostgres(source, progress);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${source}${suffix}`, { force: true });
    try {
      runs.push(await runApiScenarios({ name: 'PostgreSQL', file: apiFile, url: postgres.url }, issuer));
    } finally {
      await postgres.stop();
    }
  }
}
await issuer.close();
await runBaselines();
const browser = wanted('browser') ? await runBrowser() : null;
report(runs, browser);

function copy(name: string): string {
  const target = join(work, name);
  copyFileSync(seedFile, target);
  if (existsSync(`${seedFile}-wal`)) copyFileSync(`${seedFile}-wal`, `${target}-wal`);
  return target;
}

/** Size and audit rows of the database the API served: the SQLite copy, or PostgreSQL. */
async function databaseFigures(target: Target): Promise<{ sizeMb: number; auditEvents: number }> {
  const { url, file } = target;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ size: string; audit: string }>(
        'SELECT pg_database_size(current_database()) AS size, (SELECT count(*) FROM audit_event) AS audit',
      );
      return { sizeMb: Number(rows[0]?.size) / 1024 / 1024, auditEvents: Number(rows[0]?.audit) };
    } finally {
      await client.end();
    }
  }
  const db = new Database(file, { readonly: true });
  const auditEvents = (db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
  db.close();
  return { sizeMb: statSync(file).size / 1024 / 1024, auditEvents };
}

/** One database's API figures. */
interface ApiRun {
  database: Target['name'];
  rows: ScenarioRow[];
  streams: StreamFigures | null;
  pid: number;
  rssPeakMb: number;
  rssEndMb: number;
  auditEvents: number;
  sizeBeforeMb: number;
  sizeAfterMb: number;
}

async function runApiScenarios(target: Target, issuer: LocalIssuer): Promise<ApiRun> {
  const { file } = target;
  const rows: ScenarioRow[] = [];
  const before = await databaseFigures(target);
  const sizeBeforeMb = before.sizeMb;
  progress(`Starting the API (production mode, ${target.url ? 'PostgreSQL' : file})…`);
  const server = await startServer(
    'The API',
    [...values['api-node-options'].split(' ').filter(Boolean), mainJs],
    {
      NODE_ENV: 'production',
      HELHED_PRODUCTION: 'true',
      DEV_AUTH: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_FILE: file,
      // Against PostgreSQL: the bench's own cluster, or one seeded by `DATABASE_URL=… npm run
      // seed:bench` (its writes persist there). Unset otherwise, whatever this shell has.
      DATABASE_URL: target.url ?? undefined,
      METRICS_TOKEN: metricsToken,
      OIDC_ISSUER: issuer.issuer,
      OIDC_JWKS_URL: issuer.jwksUrl,
      OIDC_AUDIENCE: issuer.audience,
      INSTRUMENT_PACKS: '',
      CORS_ORIGINS: '',
    },
    /Helhed is running at (http:\/\/[^/\s]+)/,
  );
  servers.add(server);
  try {
    const tokens = await signTokens(issuer, fixtures);
    // First, on a server that has served nothing yet: its memory per stream is the clearest.
    const streams = wanted('LiveStreams') ? await runLiveStreams(server, issuer, tokens) : null;
    const gql = (token: string, operation: string, variables: Record<string, unknown>) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: contractOperation(operation), variables }),
    });
    // Operations are parsed once; the closures only vary variables and tokens.
    const citizenQuery = cached((token: string, id: string) => gql(token, 'CitizenProgression', { id }));
    const statisticsFilter = { instrumentKey: 'outcome', from: fixtures.from, to: fixtures.to };
    const caseloadRequest = () =>
      gql(tokens.department.get(fixtures.caseloadDepartment.departmentId) ?? '', 'Caseload', {
        filter: { limit: 100 },
      });
    const scenarios: {
      name: string;
      /** The --only name that selects it, when not its own. */
      only?: string;
      connections: number;
      request: LoadOptions['request'];
    }[] = [
      {
        name: 'CitizenProgression',
        connections: 50,
        request: () => {
          const c = pick(fixtures.contacts);
          return citizenQuery(tokens.department.get(c.departmentId) ?? '', c.citizenId);
        },
      },
      {
        name: 'PlanProgress',
        connections: 50,
        request: () => gql(tokens.coordinator, 'PlanProgress', { id: pick(fixtures.planIds) }),
      },
      {
        name: 'Statistics',
        connections: Number(values['statistics-connections']),
        request: () => gql(tokens.analyst, 'Statistics', { filter: statisticsFilter }),
      },
      {
        // Who needs attention today, for the department whose caseload is closest to 2,000
        // citizens: every citizen's series scored, plans and meetings checked. First one
        // professional at a time (the query's own latency), then ten at once (queueing on the
        // one request thread SQLite's reads run on).
        name: 'Caseload alone',
        only: 'Caseload',
        connections: 1,
        request: caseloadRequest,
      },
      {
        name: 'Caseload',
        connections: 10,
        request: caseloadRequest,
      },
      {
        // Anonymous cost figures over every citizen's provisions (docs/economy.md), with the
        // outcome verdicts beside them: the analyst's report.
        name: 'EconomyStatistics',
        connections: Number(values['statistics-connections']),
        request: () => gql(tokens.analyst, 'EconomyStatistics', {}),
      },
      {
        name: 'RecordMeasurement',
        connections: 20,
        request: recordMeasurementRequest(tokens, gql),
      },
    ];
    for (const s of scenarios) {
      if (!wanted(s.only ?? s.name) && !wanted(s.name)) continue;
      // As many probes as the scenario has connections, one after another, each with a deadline:
      // ten slow probes at once used to queue behind each other before the load even started.
      const probes: string[] = [];
      for (let i = 0; i < Math.min(10, Math.max(2, s.connections)); i++)
        probes.push(await send(server.url, s.request()));
      if (probes.some((p) => /Cannot query field "progressionStatistics"/.test(p))) {
        rows.push({
          name: s.name,
          system: 'api',
          figures: null,
          note: 'not available (not in the schema yet)',
        });
        continue;
      }
      const failures = probes.filter(graphqlFailed);
      if (failures.length === probes.length) {
        rows.push({ name: s.name, system: 'api', figures: null, note: 'every probe failed' });
        progress(`${s.name}: every probe request failed, skipped: ${failures[0]?.slice(0, 500)}`);
        continue;
      }
      if (failures.length > 0)
        progress(`${s.name}: ${failures.length} of 10 probes failed, e.g. ${failures[0]?.slice(0, 300)}`);
      progress(`${s.name}: ${warmupS} s warm-up, ${durationS} s at ${s.connections} connections…`);
      const figures = await load({
        url: server.url,
        connections: s.connections,
        request: s.request,
        failed: graphqlFailed,
      });
      rows.push({ name: s.name, system: 'api', figures });
      if (s.name.startsWith('Caseload'))
        progress(
          `Caseload: a department of ${fixtures.caseloadDepartment.citizens.toLocaleString('en-US')} citizens`,
        );
    }
    const memory = server.memory();
    await server.stop();
    const after = await databaseFigures(target);
    return {
      database: target.name,
      rows,
      streams,
      pid: server.pid,
      rssPeakMb: memory.peakMb,
      rssEndMb: memory.lastMb,
      auditEvents: after.auditEvents - before.auditEvents,
      sizeBeforeMb,
      sizeAfterMb: after.sizeMb,
    };
  } finally {
    await server.stop();
  }
}

async function signTokens(issuer: LocalIssuer, f: Fixtures) {
  const sign = (claims: Omit<BenchClaims, 'municipality'>) =>
    issuer.sign({ ...claims, municipality: f.municipalityId });
  const department = new Map<string, string>();
  for (const d of f.departments) {
    department.set(d.id, await sign({ sub: d.professionalId, role: 'PROFESSIONAL', department: d.id }));
  }
  return {
    department,
    coordinator: await sign({ sub: 'bench-coordinator', role: 'COORDINATOR' }),
    analyst: await sign({ sub: 'bench-analyst', role: 'ANALYST' }),
  };
}

/**
 * LiveStreams: --streams goalRated streams over --stream-plans plans, each opened by a professional
 * of a department with a case with the plan's citizens (five streams per subject, the API's
 * limit); each round a professional of such a department rates one goal of every plan at once.
 */
async function runLiveStreams(
  server: ServerProcess,
  issuer: LocalIssuer,
  tokens: Awaited<ReturnType<typeof signTokens>>,
): Promise<StreamFigures | null> {
  const plans = fixtures.watchablePlans.slice(0, streamPlans);
  if (plans.length < streamPlans) {
    progress(`LiveStreams: the data has ${plans.length} plans to watch, fewer than --stream-plans; skipped.`);
    return null;
  }
  const watcherTokens = new Map<string, Promise<string>>();
  const watcherToken = (plan: WatchedPlan, watcher: number) => {
    // MAX_STREAMS_PER_SUBJECT in api/src/graphql/live-access.ts.
    const person = Math.floor(watcher / 5);
    const key = `${plan.planId}:${person}`;
    let token = watcherTokens.get(key);
    if (!token) {
      token = issuer.sign({
        sub: `bench-watcher-${plans.indexOf(plan)}-${person}`,
        role: 'PROFESSIONAL',
        municipality: fixtures.municipalityId,
        department: plan.departmentIds[person % plan.departmentIds.length] as string,
      });
      watcherTokens.set(key, token);
    }
    return token;
  };
  const rounds = Number(values['stream-rounds']);
  progress(
    `LiveStreams: ${streamCount} goalRated streams on ${plans.length} plans, ` +
      `${values['stream-warmup-rounds']} + ${rounds} rounds of one rating per plan…`,
  );
  return runStreamScenario({
    url: server.url,
    streams: streamCount,
    plans,
    rounds,
    warmupRounds: Number(values['stream-warmup-rounds']),
    subscription: GOAL_RATED_SUBSCRIPTION.toString(),
    rateGoal: contractOperation('RateGoal'),
    watcherToken,
    raterToken: (plan) => tokens.department.get(plan.departmentIds[0] as string) ?? '',
    sample: () => sampleApi(server),
    progress,
  });
}

/** The API's resident set (from /proc) and, from its metrics, the V8 heap in use and open streams. */
async function sampleApi(server: ServerProcess): Promise<ApiSample> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  const text = await response.text();
  const metric = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  return {
    rssMb: rssMb(server.pid) ?? Number.NaN,
    heapMb: (metric('nodejs_heap_size_used_bytes') ?? Number.NaN) / 1024 / 1024,
    openStreams: metric('helhed_sse_subscriptions_open'),
  };
}

/** Each request a new idempotency key, a citizen the professional's department works with, and now. */
function recordMeasurementRequest(
  tokens: Awaited<ReturnType<typeof signTokens>>,
  gql: (
    token: string,
    operation: string,
    variables: Record<string, unknown>,
  ) => ReturnType<LoadOptions['request']>,
): LoadOptions['request'] {
  const run = Date.now().toString(36);
  let n = 0;
  const value = () => Math.round(Math.random() * 100) / 10;
  return () => {
    const c = pick(fixtures.contacts);
    return gql(tokens.department.get(c.departmentId) ?? '', 'RecordMeasurement', {
      input: {
        idempotencyKey: `bench-${run}-${n++}`,
        citizenId: c.citizenId,
        departmentId: c.departmentId,
        instrumentKey: 'outcome',
        respondentRole: 'CITIZEN',
        occurredAt: new Date().toISOString(),
        values: [value(), value(), value(), value()],
      },
    });
  };
}

async function runBaselines(): Promise<void> {
  const tsx = ['--import', 'tsx'];
  if (wanted('baseline: plain citizen read')) {
    const plain = await startServer(
      'The plain-read baseline',
      [...tsx, join(repoRoot, 'bench/baseline-plain.ts'), copy('plain.sqlite'), fixtures.municipalityId],
      {},
      /listening at (http:\/\/\S+)/,
    );
    servers.add(plain);
    progress(`baseline: plain citizen read: ${warmupS} s warm-up, ${durationS} s at 50 connections…`);
    const figures = await load({
      url: plain.url,
      connections: 50,
      request: () => ({
        method: 'GET',
        path: `/citizens/${pick(fixtures.contacts).citizenId}/measurements`,
        headers: {},
      }),
    });
    baselineRows.push({ name: 'baseline: plain citizen read', system: 'baseline', figures });
    await plain.stop();
  }
  if (wanted('baseline: yoga insert')) {
    const yoga = await startServer(
      'The yoga-insert baseline',
      [...tsx, join(repoRoot, 'bench/baseline-yoga.ts'), copy('yoga.sqlite')],
      {},
      /listening at (http:\/\/\S+)/,
    );
    servers.add(yoga);
    progress(`baseline: yoga insert: ${warmupS} s warm-up, ${durationS} s at 20 connections…`);
    let n = 0;
    const query =
      'mutation AddNote($key: String!, $value: Int!) { addNote(idempotencyKey: $key, value: $value) }';
    const figures = await load({
      url: yoga.url,
      connections: 20,
      request: () => ({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { key: `k-${n++}`, value: n % 400 } }),
      }),
      failed: graphqlFailed,
    });
    baselineRows.push({ name: 'baseline: yoga insert', system: 'baseline', figures });
    await yoga.stop();
  }
}

async function runBrowser(): Promise<BrowserFigures> {
  const runs = Number(values['browser-runs']);
  progress(`browser: the shell's citizen page, ${runs} cold loads in Chromium…`);
  return measureShellRender(mainJs, runs);
}

function report(runs: ApiRun[], browser: BrowserFigures | null): void {
  const budgets = runs.map((run) => ({
    database: run.database,
    checks: checkBudgets([...run.rows, ...baselineRows], run.streams),
  }));
  for (const run of runs) {
    // The baselines run once, on SQLite, and stand beside each database's figures.
    console.log(`\n${run.database}:\n${formatTable([...run.rows, ...baselineRows])}\n`);
    console.log(
      `Database (${run.database}): ${run.sizeBeforeMb.toFixed(1)} MB seeded, ${run.sizeAfterMb.toFixed(1)} MB after the run. ` +
        `API RSS: ${run.rssPeakMb.toFixed(0)} MB peak, ${run.rssEndMb.toFixed(0)} MB at the end. ` +
        `Audit events written: ${run.auditEvents.toLocaleString('en-US')}.`,
    );
    if (run.streams) console.log(`\n${formatStreams(run.streams)}`);
  }
  console.log(`\nBudgets${runs.length > 1 ? ` (${runs.map((r) => r.database).join(' and ')})` : ''}:`);
  console.log(formatBudgetsSideBySide(budgets));
  if (browser) {
    const calm = browser.longTasksOver50Ms.total === 0;
    console.log(`\n${formatBrowser(browser)}`);
    console.log(`  No main-thread task over 50 ms while mounting: ${calm ? 'met' : 'MISSED'}`);
  }
  const out = abs(values.out);
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model ?? 'unknown',
          memoryGb: totalmem() / 1024 ** 3,
          node: process.version,
        },
        options: {
          file: seedFile,
          durationS,
          warmupS,
          statisticsConnections: Number(values['statistics-connections']),
          streams: streamCount,
          streamPlans,
        },
        databases: runs.map((run, i) => ({
          database: run.database,
          size: { seededMb: run.sizeBeforeMb, afterRunMb: run.sizeAfterMb },
          api: { rssPeakMb: run.rssPeakMb, rssEndMb: run.rssEndMb, auditEvents: run.auditEvents },
          scenarios: run.rows,
          streams: run.streams,
          budgets: budgets[i]?.checks,
        })),
        baselines: baselineRows,
        browser,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nFigures written to ${out}`);
}

async function send(url: string, r: ReturnType<LoadOptions['request']>): Promise<string> {
  try {
    const response = await fetch(`${url}${r.path}`, {
      method: r.method,
      headers: r.headers,
      body: r.body ?? null,
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return `${response.status === 200 ? '' : `HTTP ${response.status} `}${await response.text()}`;
  } catch (error) {
    return `probe failed: {"errors":[${JSON.stringify(String(error))}]}`;
  }
}

/** Memoises a request builder: the same citizen and token give the same (immutable) request. */
function cached<A extends unknown[], R>(build: (...args: A) => R): (...args: A) => R {
  const memo = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    let value = memo.get(key);
    if (value === undefined) {
      value = build(...args);
      memo.set(key, value);
    }
    return value;
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
