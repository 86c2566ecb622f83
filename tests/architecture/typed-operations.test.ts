import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetTarget } from '../../codegen.js';
// @ts-expect-error the build tooling is plain JavaScript without declarations
import { typedOperations } from '../../tooling/typed-operations.mjs';

/**
 * docs/widgets.md, "Typed operations": a schema change that breaks a widget fails the generator
 * or the widget's typecheck. These run the repository's own generator settings and TypeScript
 * over a copy of the plan widget against an edited copy of the schema, so a setting that stops
 * the types from following the schema (an `any`, a hand-written type) fails here.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = join(root, 'node_modules', '.bin', 'tsc');

let probe: string;

/** The API's SDL with `edit` applied to the economy file; written where the generator reads it. */
function writeSchema(edit: (economy: string) => string = (s) => s): void {
  rmSync(join(probe, 'schema'), { recursive: true, force: true });
  cpSync(join(root, 'api/src/graphql'), join(probe, 'schema'), {
    recursive: true,
    filter: (f) => !/\.ts$/.test(f),
  });
  const economy = join(probe, 'schema/economy.graphql');
  writeFileSync(economy, edit(readFileSync(economy, 'utf8')));
}

async function generateTypes(): Promise<void> {
  rmSync(join(probe, 'src/gql'), { recursive: true, force: true });
  await generate(
    {
      cwd: probe,
      schema: 'schema/*.graphql',
      generates: { 'src/gql/': widgetTarget('.') },
      silent: true,
      emitLegacyCommonJSImports: false,
      // The same import extension as `npm run codegen`.
      importExtension: '.js',
    },
    true,
  );
}

function typecheck(): { ok: boolean; output: string } {
  const result = spawnSync(tsc, ['-p', 'tsconfig.json'], { cwd: probe, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  probe = mkdtempSync(join(tmpdir(), 'helhed-typed-operations-'));
  cpSync(join(root, 'mfe-plan/src'), join(probe, 'src'), {
    recursive: true,
    filter: (f) => !f.endsWith('.test.ts') && !f.includes('/testing') && !f.includes('/gql'),
  });
  // The copy resolves lit, @helhed/kit and @helhed/api as the package does.
  symlinkSync(join(root, 'node_modules'), join(probe, 'node_modules'));
  writeFileSync(
    join(probe, 'tsconfig.json'),
    JSON.stringify({ extends: join(root, 'tsconfig.web.json'), include: ['src'] }),
  );
});

afterAll(() => {
  if (probe) rmSync(probe, { recursive: true, force: true });
});

describe('typed operations follow the schema', () => {
  it('the plan widget typechecks against the schema as it is', async () => {
    writeSchema();
    await generateTypes();
    const result = typecheck();
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('a field whose type changes fails the widget that computes with it', async () => {
    // An amount in øre becoming text would make the plan's cost rows add strings.
    writeSchema((sdl) => sdl.replaceAll('amountOre: Ore!', 'amountOre: String!'));
    await generateTypes();
    const result = typecheck();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/plan-economy\.data\.ts.*Type 'string' is not assignable to type 'number'/);
  });

  it('a field the schema no longer has fails the generator, naming it', async () => {
    writeSchema((sdl) => sdl.replace(/^\s*baselineEstimated: Boolean!\n/m, '\n'));
    await expect(generateTypes()).rejects.toThrow(/baselineEstimated/);
  });
});

describe("the widgets' bundles", () => {
  /** Bundles the probe's copy of the plan's data module with the build's plugin. */
  async function bundle(): Promise<string> {
    const result = await build({
      stdin: {
        contents: "export { PLAN_QUERY } from './src/plan.data.ts';",
        resolveDir: probe,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      write: false,
      external: ['lit', 'lit/*', '@helhed/*'],
      plugins: [typedOperations()],
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  }

  it('carry each document once, as its source text, and send that text', async () => {
    writeSchema();
    await generateTypes();
    const code = await bundle();
    expect(code).not.toContain('TypedDocumentString');
    expect(code.match(/query HelhedPlan\(/g)).toHaveLength(1);
    const module = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    const source = readFileSync(join(probe, 'src/plan.data.ts'), 'utf8');
    expect(source).toContain(String(module.PLAN_QUERY).trim());
  });

  it('keep the generated module where documents use fragments, which only it appends', async () => {
    writeSchema();
    await generateTypes();
    const generated = join(probe, 'src/gql/graphql.ts');
    writeFileSync(generated, `${readFileSync(generated, 'utf8')}\n// fragment GoalFields on Goal { id }\n`);
    expect(await bundle()).toContain('TypedDocumentString');
  });
});
