// Builds the shell: one shared copy of Lit and single-spa (vendor/), the kit and every
// micro-frontend copied from their own builds, the root config, and index.html with the import
// map that ties them together. The import map's entries come from the widgets' metafiles, so a
// widget that starts importing another Lit module gets it mapped without editing this file.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const widgets = [{ name: '@helhed/mfe-progress', file: 'helhed-progress.js' }];

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
}
// kit's own bundle leaves Lit external too; scan it the cheap way (its imports are few).
for (const match of readFileSync('dist/kit/kit.js', 'utf8').matchAll(/from"((?:lit|@lit)[^"]*)"/g))
  shared.add(match[1]);

const vendorEntries = [...shared].filter((s) => !s.startsWith('@helhed/'));
const vendorName = (s) => s.replace(/^@/, '').replace(/\.js$/, '').replace(/[/]/g, '-');
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
const html = readFileSync('src/index.html', 'utf8').replace('{"imports": {}}', importMap);
writeFileSync('dist/index.html', html);
cpSync('src/shell.css', 'dist/shell.css');
console.log(`shell: import map with ${Object.keys(imports).length} entries (${vendorEntries.join(', ')})`);
