import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, context } from 'esbuild';
import { embedExternals } from './embed-externals.mjs';
import { typedOperations } from './typed-operations.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Builds one micro-frontend twice:
 * - `dist/<name>.js`: the single-spa module for the shell; Lit and kit stay external, since the
 *   shell's import map loads one copy of each for every widget;
 * - `dist/embed.js`: the one script tag for a vendor page without an import map; it imports kit
 *   and Lit by URL from the same server (see embed-externals.mjs), so widgets share them.
 * Prints the widget's own min+gzip size against its budget and writes a metafile, from which the
 * shell learns which shared modules to put in its import map.
 *
 * @param {{ name: string, entry?: string, embedEntry?: string, budgetKb?: number }} options
 */
export async function buildWidget({
  name,
  entry = 'src/index.ts',
  embedEntry = 'src/embed.ts',
  budgetKb = 15,
}) {
  mkdirSync('dist', { recursive: true });
  if (process.argv.includes('--watch')) return watchWidget(name, entry, embedEntry);
  const common = {
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  };
  const shared = await build({
    ...common,
    entryPoints: [entry],
    outfile: `dist/${name}.js`,
    external: ['lit', 'lit/*', '@lit/*', '@helhed/kit'],
    metafile: true,
    plugins: [typedOperations()],
  });
  writeFileSync('dist/meta.json', JSON.stringify(shared.metafile));
  await build({
    ...common,
    entryPoints: [embedEntry],
    outfile: 'dist/embed.js',
    plugins: [typedOperations(), embedExternals()],
  });
  const own = gzipSync(readFileSync(`dist/${name}.js`)).length;
  const embed = gzipSync(readFileSync('dist/embed.js')).length;
  console.log(
    `dist/${name}.js ${kb(own)} min+gzip (budget ${budgetKb} KB, Lit and kit excluded); dist/embed.js ${kb(embed)} min+gzip`,
  );
  if (own > budgetKb * 1024) {
    console.error(`dist/${name}.js is over its size budget`);
    process.exitCode = 1;
  }
}

const watchOptions = (tsconfig = 'tsconfig.json') => ({
  bundle: true,
  format: 'esm',
  sourcemap: true,
  target: 'es2022',
  tsconfig,
  logLevel: 'info',
});

/** `npm run dev`: rebuild both outputs on every change (unminified, for readable stacks). */
async function watchWidget(name, entry, embedEntry) {
  const shared = await context({
    ...watchOptions(),
    entryPoints: [entry],
    outfile: `dist/${name}.js`,
    external: ['lit', 'lit/*', '@lit/*', '@helhed/kit'],
    metafile: true,
    plugins: [
      typedOperations(),
      {
        name: 'metafile',
        setup: (b) =>
          b.onEnd((r) => r.metafile && writeFileSync('dist/meta.json', JSON.stringify(r.metafile))),
      },
    ],
  });
  const embed = await context({
    ...watchOptions(),
    entryPoints: [embedEntry],
    outfile: 'dist/embed.js',
    plugins: [typedOperations(), embedExternals()],
  });
  await Promise.all([shared.watch(), embed.watch()]);
}
