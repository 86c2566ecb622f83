/**
 * `npx tsx bench/trace-browser.ts [-- --runs 3]`: the long tasks (over 50 ms) of the renderer's
 * main thread while the shell's citizen page mounts, each with what ran inside it (module
 * evaluation, microtasks = Lit renders, style and layout), from a Chromium trace. The benchmark
 * (`npm run bench:browser`) only counts them; this says what they are.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { citizenWithSessions, instrumentScript, measured, professionalSession } from './browser.js';
import { repoRoot } from './paths.js';
import { startServer } from './processes.js';

interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const dir = mkdtempSync(join(tmpdir(), 'helhed-trace-'));
const server = await startServer(
  'The API for the browser trace',
  [join(repoRoot, 'api/dist/main.js')],
  {
    NODE_ENV: 'development',
    HELHED_DEMO: 'true',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_FILE: join(dir, 'trace.sqlite'),
    DATABASE_URL: undefined,
  },
  /Helhed is running at (http:\/\/[^/\s]+)/,
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const ms = (us: number | undefined) => `${((us ?? 0) / 1000).toFixed(0)} ms`;
try {
  const session = await professionalSession(server.url);
  const citizenId = await citizenWithSessions(server.url, session.token, session.departmentId);
  for (let run = 1; run <= Number(values.runs); run++) {
    const context = await browser.newContext();
    await context.addInitScript(instrumentScript(session));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
      transferMode: 'ReportEvents',
    });
    // The page says when the chart is drawn: no Playwright script runs in it meanwhile.
    const done = measured(page);
    await page.goto(`${server.url}/citizen/${citizenId}`);
    await done;
    await cdp.send('Tracing.end');
    await complete;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const onMain = (e: TraceEvent) => e.pid === main?.pid && e.tid === main?.tid;
    const tasks = events.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000 && onMain(e));
    console.log(`Load ${run}: ${tasks.length} long tasks on the main thread`);
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      const inside = events.filter(
        (e) =>
          onMain(e) && e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 3000,
      );
      const what = inside.map((e) => {
        const where = e.args?.data?.url?.split('/').slice(-2).join('/') ?? e.args?.data?.functionName;
        return `${e.name}${where ? ` (${where})` : ''} ${ms(e.dur)}`;
      });
      console.log(`  ${ms(task.dur)}: ${what.slice(0, 10).join(' | ') || '(nothing traced over 3 ms)'}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
