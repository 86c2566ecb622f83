// Builds the shell: one shared copy of Lit and single-spa (vendor/), the kit and every
// micro-frontend copied from their own builds, the root config, and index.html with the import
// map that ties them together. The import map's entries come from the widgets' metafiles, so a
// widget that starts importing another Lit module gets it mapped without editing this file.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { vendorName } from '../tooling/embed-externals.mjs';
import { typedOperations } from '../tooling/typed-operations.mjs';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const widgets = [
  { name: '@helhed/mfe-progress', file: 'helhed-progress.js' },
  { name: '@helhed/mfe-plan', file: 'helhed-plan.js' },
  { name: '@helhed/mfe-family-dialog', file: 'helhed-family-dialog.js' },
  { name: '@helhed/mfe-statistics', file: 'helhed-statistics.js' },
  { name: '@helhed/mfe-admin', file: 'helhed-admin.js' },
  { name: '@helhed/mfe-caseload', file: 'helhed-caseload.js' },
  // The family's own pages; the invitation link's page is a second entry of the same package.
  {
    name: '@helhed/mfe-family',
    file: 'helhed-family.js',
    more: { '@helhed/mfe-family/answer': { file: 'helhed-family-answer.js', meta: 'meta.answer.json' } },
  },
];

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

/** Bare specifiers a built bundle leaves to the import map. */
function externalImports(metafile) {
  const found = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) if (imp.external) found.add(imp.path);
  }
  return found;
}

const rootConfig = await build({
  entryPoints: ['src/root-config.ts'],
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  external: ['lit', 'lit/*', '@lit/*', 'single-spa', '@helhed/*'],
  metafile: true,
  logLevel: 'warning',
  plugins: [typedOperations()],
});

const imports = {};
const shared = new Set(externalImports(rootConfig.metafile));
const kitDir = packageDir('@helhed/kit');
cpSync(join(kitDir, 'dist'), 'dist/kit', { recursive: true });
imports['@helhed/kit'] = '/kit/kit.js';
for (const w of widgets) {
  const dir = packageDir(w.name);
  const target = `dist/${w.name.split('/')[1]}`;
  cpSync(join(dir, 'dist'), target, { recursive: true });
  imports[w.name] = `/${w.name.split('/')[1]}/${w.file}`;
  for (const s of externalImports(JSON.parse(readFileSync(join(dir, 'dist/meta.json'), 'utf8'))))
    shared.add(s);
  for (const [specifier, entry] of Object.entries(w.more ?? {})) {
    imports[specifier] = `/${w.name.split('/')[1]}/${entry.file}`;
    for (const s of externalImports(JSON.parse(readFileSync(join(dir, 'dist', entry.meta), 'utf8'))))
      shared.add(s);
  }
}
// kit's own bundle leaves Lit external too; scan it the cheap way (its imports are few).
for (const match of readFileSync('dist/kit/kit.js', 'utf8').matchAll(/from"((?:lit|@lit)[^"]*)"/g))
  shared.add(match[1]);

const vendorEntries = [...shared].filter((s) => !s.startsWith('@helhed/'));
await build({
  entryPoints: Object.fromEntries(vendorEntries.map((s) => [vendorName(s), s])),
  outdir: 'dist/vendor',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  logLevel: 'warning',
});
for (const s of vendorEntries) imports[s] = `/vendor/${vendorName(s)}.js`;

const importMap = JSON.stringify({ imports }, null, 2);
writeFileSync('dist/import-map.json', importMap);
const dev = process.argv.includes('--dev') || process.argv.includes('--watch');
// In `npm run dev` the page polls build-id.txt and reloads itself after each rebuild.
const devReload = `<script type="module">let seen;setInterval(async()=>{try{const id=await(await fetch('/build-id.txt',{cache:'no-store'})).text();if(seen&&id!==seen)location.reload();seen=id}catch{}},1000)</script>`;
const html = readFileSync('src/index.html', 'utf8')
  .replace('{"imports": {}}', importMap)
  .replace('</head>', dev ? `  ${devReload}\n  </head>` : '</head>');
writeFileSync('dist/build-id.txt', String(Date.now()));
writeFileSync('dist/index.html', html);
cpSync('src/shell.css', 'dist/shell.css');
console.log(`shell: import map with ${Object.keys(imports).length} entries (${vendorEntries.join(', ')})`);
console.log(`shell: ${vendorReport()}`);

if (process.argv.includes('--watch')) watchAndRebuild();

/** What every page loads once beside kit and the widgets: Lit and single-spa, with their shared chunks. */
function vendorReport() {
  const files = readdirSync('dist/vendor').filter((f) => f.endsWith('.js'));
  const gzipped = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join('dist/vendor', f)), { level: 9 }).length,
    0,
  );
  return `Lit and single-spa loaded once: ${(gzipped / 1024).toFixed(1)} KB min+gzip in ${files.length} files`;
}

/** `npm run dev`: rebuild the shell when its sources or a widget's or kit's output change. */
function watchAndRebuild() {
  const watched = ['src', join(kitDir, 'dist'), ...widgets.map((w) => join(packageDir(w.name), 'dist'))];
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => spawnSync(process.execPath, ['build.mjs', '--dev'], { stdio: 'inherit' }), 300);
  };
  for (const dir of watched) watch(dir, { recursive: true }, rebuild);
  console.log(`shell: watching ${watched.length} folders`);
}
