import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import ts from 'typescript';
import { countReporter } from './count-reporter.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The esbuild plugin hands the tsconfig file to `esbuild.transform` as raw text, and transform
 * does not follow `extends`. Our package tsconfigs inherit experimentalDecorators and
 * useDefineForClassFields:false from ../tsconfig.web.json, so without flattening Lit's reactive
 * properties silently stop updating. We resolve the chain with TypeScript and write the options
 * esbuild reads to a temporary file.
 */
function flattenTsconfig(tsconfigPath) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`Cannot read ${tsconfigPath}`);
  const o = parsed.options;
  const compilerOptions = {
    target: o.target === undefined ? undefined : ts.ScriptTarget[o.target],
    experimentalDecorators: o.experimentalDecorators,
    useDefineForClassFields: o.useDefineForClassFields,
    verbatimModuleSyntax: o.verbatimModuleSyntax,
    alwaysStrict: o.alwaysStrict ?? o.strict,
  };
  const raw = JSON.stringify({ compilerOptions });
  const hash = createHash('sha256').update(tsconfigPath).update(raw).digest('hex').slice(0, 12);
  const file = join(tmpdir(), 'helhed-wtr', `tsconfig.${hash}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, raw);
  return file;
}

/**
 * Shared @web/test-runner config for kit and every micro-frontend: TypeScript through esbuild
 * (with the package's decorator settings), the machine's Chromium (never a downloaded browser),
 * and `.reports/wtr.json` with the pass/fail counts for the test orchestrator.
 *
 * @param {{ files: string | string[], tsconfig?: string, plugins?: unknown[], middleware?: unknown[] }} options
 * @returns {import('@web/test-runner').TestRunnerConfig}
 */
export function helhedTestRunnerConfig({
  files,
  tsconfig = resolve(process.cwd(), 'tsconfig.json'),
  plugins = [],
  middleware = [],
}) {
  return {
    files,
    middleware,
    nodeResolve: true,
    // One page at a time: sendKeys/sendMouse drive real input, which a background tab may never receive.
    concurrency: 1,
    browserStartTimeout: 30_000,
    testsFinishTimeout: 60_000,
    plugins: [esbuildPlugin({ ts: true, tsconfig: flattenTsconfig(tsconfig), target: 'es2022' }), ...plugins],
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          headless: true,
          args: CHROMIUM_ARGS,
        },
      }),
    ],
    // A test that sends and waits for the real API several times needs more than 5 s when the
    // machine is busy; a broken one still fails, only later.
    testFramework: { config: { timeout: 15_000 } },
    // Dev-mode Lit stays on in tests (its warnings catch mistakes); only its banner is dropped.
    filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
    reporters: [defaultReporter(), countReporter()],
  };
}
