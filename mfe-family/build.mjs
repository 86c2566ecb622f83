import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildWidget } from '../tooling/build-widget.mjs';
import { typedOperations } from '../tooling/typed-operations.mjs';
import { writeCatalogList } from './catalogs.mjs';

// The languages are the files in src/i18n/catalogs/: bring their list up to date first.
writeCatalogList();

// The signed-in page, its embed script (which also defines the link page) and the size report.
await buildWidget({ name: 'helhed-family' });

// The invitation link's page is a bundle of its own: a phone that opens a link loads only that,
// and each bundle keeps the widgets' 15 KB budget. Its metafile tells the shell which shared
// modules it needs in the import map.
if (!process.argv.includes('--watch')) {
  const answer = await build({
    entryPoints: ['src/answer.ts'],
    outfile: 'dist/helhed-family-answer.js',
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
    external: ['lit', 'lit/*', '@lit/*', '@helhed/kit'],
    metafile: true,
    plugins: [typedOperations()],
  });
  writeFileSync('dist/meta.answer.json', JSON.stringify(answer.metafile));
  const size = gzipSync(readFileSync('dist/helhed-family-answer.js')).length;
  console.log(`dist/helhed-family-answer.js ${(size / 1024).toFixed(1)} KB min+gzip (budget 15 KB)`);
  if (size > 15 * 1024) {
    console.error('dist/helhed-family-answer.js is over its size budget');
    process.exitCode = 1;
  }
}
