/**
 * The widgets' side of the benchmark: the shell's first render of a citizen with 40 sessions in
 * Debian's Chromium, and every main-thread task over 50 ms while the widgets mount (Long Tasks
 * API). Run alone with `npm run bench -- --only browser`; it needs a built tree (`npm run build`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { ServerProcess } from './processes.js';
import { startServer } from './processes.js';

export const SESSIONS = 40;

export interface BrowserFigures {
  runs: number;
  sessions: number;
  /** Milliseconds from navigation start, median and worst of the runs. */
  firstContentfulPaint: Spread;
  /** Until the progress chart announced `helhed-load` with the citizen's series. */
  chartLoaded: Spread;
  /** Until the chart's SVG holds a mark for every session. */
  chartRendered: Spread;
  longTasksOver50Ms: { total: number; worstMs: number };
  /** JavaScript transferred for the page (compressed bytes as the browser received them). */
  scriptKb: number;
}

interface Spread {
  medianMs: number;
  maxMs: number;
}

interface RunFigures {
  fcp: number;
  loaded: number;
  rendered: number;
  longTasks: number[];
  scriptBytes: number;
}

/** Starts the API with the shell on a scratch database, fills one citizen, measures `runs` cold loads. */
export async function measureShellRender(mainJs: string, runs: number): Promise<BrowserFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-browser-'));
  let server: ServerProcess | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    server = await startServer(
      'The API for the browser benchmark',
      [mainJs],
      // The demo's dev identity provider, asked for explicitly (security fails closed without it);
      // the widgets are the same production build.
      {
        NODE_ENV: 'development',
        HELHED_DEMO: 'true',
        PORT: '0',
        HOST: '127.0.0.1',
        // Always a scratch SQLite file: the widgets' figures must not depend on the API's database.
        DATABASE_FILE: join(dir, 'browser.sqlite'),
        DATABASE_URL: undefined,
      },
      /Helhed is running at (http:\/\/[^/\s]+)/,
    );
    const url = server.url;
    const session = await professionalSession(url);
    const citizenId = await citizenWithSessions(url, session.token, session.departmentId);
    const figures: RunFigures[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: no HTTP cache, no module cache, a cold first render.
      const context = await browser.newContext();
      await context.addInitScript(instrumentScript(session));
      const page = await context.newPage();
      const done = measured(page);
      await page.goto(`${url}/citizen/${citizenId}`);
      await done;
      figures.push(await page.evaluate(collect));
      await context.close();
    }
    return summarise(figures);
  } finally {
    await browser.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits for the page's own signal that the chart is drawn and its long tasks are counted; call it
 * before navigating. Nothing of Playwright's runs in the page until then: `waitForFunction` and
 * `evaluate` compile Playwright's injected scripts on the page's main thread, itself a task of
 * 50–80 ms that the page would count.
 */
export async function measured(page: Page): Promise<void> {
  await page.waitForEvent('console', {
    predicate: (message) => message.text() === MEASURED,
    timeout: 30_000,
  });
}

const MEASURED = 'helhed-bench: measured';

/** {@link instrument} as an init script for a page signed in as `session`. */
export function instrumentScript(session: unknown): { content: string } {
  const setup = JSON.stringify({ session, marks: SESSIONS, signal: MEASURED });
  // tsx keeps function names by wrapping inner functions in `__name(…)`, a helper the page lacks.
  return { content: `{\nconst __name = (f) => f;\n(${instrument.toString()})(${JSON.stringify(setup)});\n}` };
}

/**
 * Runs in the page before any of its scripts: the session, a long-task observer, the load event,
 * and a check on every frame for the chart's marks. 300 ms after the chart is drawn (long tasks are
 * reported after they end) it freezes the figures and says so on the console.
 */
function instrument(setupJson: string): void {
  // Serialised into the page on its own: everything it needs comes in the argument.
  const { session, marks, signal } = JSON.parse(setupJson) as {
    session: unknown;
    marks: number;
    signal: string;
  };
  sessionStorage.setItem('helhed.session', JSON.stringify(session));
  const bench: { longTasks: number[]; loaded?: number; rendered?: number; frozen?: number[] } = {
    longTasks: [],
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener(
    'helhed-load',
    (event) => {
      if ((event.target as Element).localName === 'helhed-progress-chart') bench.loaded ??= performance.now();
    },
    true,
  );
  const check = () => {
    const chart = document.querySelector('helhed-progress-chart');
    if ((chart?.shadowRoot?.querySelectorAll('svg circle').length ?? 0) < marks) {
      requestAnimationFrame(check);
      return;
    }
    bench.rendered = performance.now();
    setTimeout(() => {
      bench.frozen = [...bench.longTasks];
      console.log(signal);
    }, 300);
  };
  requestAnimationFrame(check);
}

function collect(): RunFigures {
  const bench = (window as unknown as { __bench: { frozen?: number[]; loaded?: number; rendered?: number } })
    .__bench;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
  const scripts = performance
    .getEntriesByType('resource')
    .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'));
  return {
    fcp,
    loaded: bench.loaded ?? Number.NaN,
    rendered: bench.rendered ?? Number.NaN,
    longTasks: (bench.frozen ?? []).filter((d) => d > 50),
    scriptBytes: scripts.reduce((sum, e) => sum + (e as PerformanceResourceTiming).transferSize, 0),
  };
}

function summarise(runs: RunFigures[]): BrowserFigures {
  const spread = (pick: (r: RunFigures) => number): Spread => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return {
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
      maxMs: sorted.at(-1) ?? Number.NaN,
    };
  };
  const longTasks = runs.flatMap((r) => r.longTasks);
  return {
    runs: runs.length,
    sessions: SESSIONS,
    firstContentfulPaint: spread((r) => r.fcp),
    chartLoaded: spread((r) => r.loaded),
    chartRendered: spread((r) => r.rendered),
    longTasksOver50Ms: { total: longTasks.length, worstMs: Math.max(0, ...longTasks) },
    scriptKb: (runs[0]?.scriptBytes ?? 0) / 1024,
  };
}

interface Session {
  token: string;
  role: string;
  label: string;
  departmentId: string;
}

export async function professionalSession(url: string): Promise<Session> {
  const identitiesResponse = await fetch(`${url}/auth/dev-identities`);
  if (!identitiesResponse.ok)
    throw new Error(
      `The API offers no demo identities (${identitiesResponse.status}): start it with HELHED_DEMO=true.`,
    );
  const identities = (await identitiesResponse.json()) as {
    role: string;
    label: string;
    departmentId?: string;
  }[];
  const professional = identities.find((i) => i.role === 'PROFESSIONAL' && i.departmentId);
  if (!professional?.departmentId) throw new Error('The demo has no professional to sign in as.');
  const response = await fetch(`${url}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'PROFESSIONAL', departmentId: professional.departmentId }),
  });
  const { token } = (await response.json()) as { token: string };
  return { token, role: 'PROFESSIONAL', label: professional.label, departmentId: professional.departmentId };
}

/** A new citizen with `SESSIONS` weekly sessions: an outcome rating and a session rating each. */
export async function citizenWithSessions(url: string, token: string, departmentId: string): Promise<string> {
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
    if (body.errors || !body.data)
      throw new Error(`Seeding the browser benchmark failed: ${JSON.stringify(body)}`);
    return body.data;
  };
  const { createCitizen } = await call(
    'mutation { createCitizen(input: {displayName: "Benchmark Borger", birthYear: 1980}) { id } }',
  );
  const citizenId = createCitizen?.id ?? '';
  const week = 7 * 86_400_000;
  const start = Date.now() - SESSIONS * week;
  const record = 'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }';
  for (let s = 1; s <= SESSIONS; s++) {
    const trend = Math.min(10, 3 + (s / SESSIONS) * 5 + ((s * 7) % 5) / 10);
    for (const instrumentKey of ['outcome', 'session']) {
      const value = Math.round((instrumentKey === 'outcome' ? trend : 8.5) * 10) / 10;
      await call(record, {
        input: {
          idempotencyKey: `bench-browser-${citizenId}-${instrumentKey}-${s}`,
          citizenId,
          departmentId,
          instrumentKey,
          respondentRole: 'CITIZEN',
          occurredAt: new Date(start + s * week).toISOString(),
          session: s,
          values: [value, value, value, value],
        },
      });
    }
  }
  return citizenId;
}

export function formatBrowser(f: BrowserFigures): string {
  const ms = (s: Spread) => `${s.medianMs.toFixed(0)} ms median, ${s.maxMs.toFixed(0)} ms worst`;
  return [
    `Shell, /citizen/:id with ${f.sessions} sessions, ${f.runs} cold loads in Chromium:`,
    `  first contentful paint   ${ms(f.firstContentfulPaint)}`,
    `  chart data loaded        ${ms(f.chartLoaded)}`,
    `  chart drawn (${f.sessions} marks)  ${ms(f.chartRendered)}`,
    `  long tasks over 50 ms    ${f.longTasksOver50Ms.total} in ${f.runs} loads` +
      (f.longTasksOver50Ms.total ? `, worst ${f.longTasksOver50Ms.worstMs.toFixed(0)} ms` : ''),
    `  JavaScript transferred   ${f.scriptKb.toFixed(1)} KB`,
  ].join('\n');
}
