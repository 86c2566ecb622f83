import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, context } from 'esbuild';
import { embedExternals } from '../tooling/embed-externals.mjs';

const outfile = 'dist/kit.js';
const budgetBytes = 15 * 1024;

const options = {
  entryPoints: ['src/index.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  // esbuild's build API follows `extends`, so experimentalDecorators and
  // useDefineForClassFields:false come from ../tsconfig.web.json.
  tsconfig: 'tsconfig.json',
  // The shell's import map provides the one copy of Lit.
  external: ['lit', 'lit/*', '@lit/*'],
  logLevel: 'warning',
};

if (process.argv.includes('--watch')) {
  // `npm run dev`: rebuild on every change; the size check belongs to real builds.
  const ctx = await context({ ...options, minify: false, logLevel: 'info' });
  await ctx.watch();
} else {
  await build(options);
  // The same kit for vendor pages, which have no import map: Lit is imported by URL.
  await build({ ...options, outfile: 'dist/kit.embed.js', external: [], plugins: [embedExternals()] });
  reportSize();
}

function reportSize() {
  const code = readFileSync(outfile);
  const gzipped = gzipSync(code).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `${outfile}: ${kb(code.length)} min, ${kb(gzipped)} min+gzip (budget ${kb(budgetBytes)}, Lit excluded)`,
  );
  if (gzipped > budgetBytes) {
    console.error(`${outfile} is over its size budget`);
    process.exitCode = 1;
  }
}
