// `npm test`: install what is missing, make sure Debian's Chromium and PostgreSQL are there, then
// generate the widgets' operation types, lint, typecheck, build and run every suite
// (vitest, @web/test-runner in Chromium, end-to-end), the contract and access tests once more on
// PostgreSQL, and the API suite once more with the clock 400 days ahead. The last line is the total:
// `N passed, M failed`.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSupportedNode } from './node-runtime.mjs';
import {
  chromiumPath,
  ensureChromium,
  ensureDependencies,
  ensureFaketime,
  ensurePostgres,
  readJson,
  root,
  run,
} from './setup.mjs';

await ensureSupportedNode();
ensureDependencies();
ensureChromium();
ensurePostgres();
ensureFaketime();

const packages = readJson(join(root, 'package.json')).workspaces;
for (const pkg of packages) rmSync(join(root, pkg, '.reports'), { recursive: true, force: true });

const env = { ...process.env, CHROMIUM_PATH: chromiumPath };

const checks =
  run('npx', ['turbo', 'run', 'lint', 'typecheck', 'build', '--output-logs=errors-only'], {
    env,
    allowFailure: true,
  }) ||
  // The benchmark is no workspace (it never ships), but it must keep compiling.
  run('npx', ['tsc', '-p', 'bench/tsconfig.json'], { allowFailure: true });
const tests =
  checks === 0
    ? run('npx', ['turbo', 'run', 'test', '--continue', '--concurrency=1', '--output-logs=full'], {
        env,
        allowFailure: true,
      })
    : 1;
// The contract, access, multi-instance and crash tests once more, against PostgreSQL (tests/support/postgres-setup.ts
// starts a throw-away cluster); its report is counted like the others.
const postgresTests =
  checks === 0
    ? run(
        'npx',
        [
          'vitest',
          'run',
          'contract',
          'access',
          'multi-instance',
          'reliability',
          '--reporter=default',
          '--reporter=json',
          '--outputFile.json=.reports/vitest-postgres.json',
        ],
        { cwd: join(root, 'tests'), env: { ...env, HELHED_TEST_DATABASE: 'postgres' }, allowFailure: true },
      )
    : 1;

// The API suite once more with the process clock (and its children's: servers, PostgreSQL)
// shifted 400 days ahead: a test that only passes on the day it was written fails here.
const FUTURE_DAYS = 400;
const futureTests =
  checks === 0
    ? run(
        'faketime',
        [
          '-f',
          `+${FUTURE_DAYS}d`,
          'npx',
          'vitest',
          'run',
          '--reporter=dot',
          '--reporter=json',
          '--outputFile.json=.reports/vitest-in-400-days.json',
        ],
        { cwd: join(root, 'api'), env, allowFailure: true },
      )
    : 1;

/** Counts from each runner's machine-readable report (vitest JSON, our wtr count reporter). */
function countsOf(pkg) {
  const dir = join(root, pkg, '.reports');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const report = readJson(join(dir, f));
      if ('numPassedTests' in report) {
        const failedSuites = (report.testResults ?? []).filter(
          (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
        ).length;
        return {
          suite: `${pkg} ${f}`,
          passed: report.numPassedTests,
          failed: report.numFailedTests + failedSuites,
        };
      }
      return { suite: `${pkg} ${f}`, passed: report.passed, failed: report.failed };
    });
}

const rows = packages.flatMap(countsOf);
let passed = 0;
let failed = 0;
console.log('\nTest summary');
for (const r of rows) {
  console.log(
    `  ${r.suite.padEnd(40)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed`,
  );
  passed += r.passed;
  failed += r.failed;
}
if (checks !== 0) console.log('  lint, typecheck or build failed: tests were not run (see above).');
// A runner that crashed before writing its report still fails the run.
const exits = [checks, tests, postgresTests, futureTests];
if (exits.some((code) => code !== 0) && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || exits.some((code) => code !== 0) ? 1 : 0);
