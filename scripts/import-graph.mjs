// `node scripts/import-graph.mjs [dir]`: which folders of a source tree (default api/src) import
// which, counted in import statements, so a change to the layering can show its before and after.
// Tests and test suites are left out (`--tests` keeps them): the layering that matters is what ships.
// A folder is the first path segment under the root; files directly in the root count as `(root)`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const withTests = args.includes('--tests');
const root = resolve(args.find((a) => !a.startsWith('--')) ?? 'api/src');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'migrations' && entry.name !== 'migrations-pg') {
        yield* sourceFiles(path);
      }
    } else if (/\.(ts|mts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      if (withTests || !/\.(test|suite)\.ts$/.test(entry.name)) yield path;
    }
  }
}

const folderOf = (path) => {
  const rel = relative(root, path);
  return rel.includes(sep) ? rel.split(sep)[0] : '(root)';
};

// Static imports, re-exports and dynamic imports of relative specifiers.
const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const edges = new Map();
for (const file of sourceFiles(root)) {
  const from = folderOf(file);
  for (const match of readFileSync(file, 'utf8').matchAll(specifier)) {
    const target = resolve(dirname(file), match[1]);
    if (!target.startsWith(root + sep)) continue;
    const to = folderOf(target);
    if (to === from) continue;
    const key = `${from} -> ${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
  }
}

const byFolder = new Map();
for (const [key, count] of edges) {
  const [from, to] = key.split(' -> ');
  if (!byFolder.has(from)) byFolder.set(from, []);
  byFolder.get(from).push(`${to} (${count})`);
}
for (const from of [...byFolder.keys()].sort()) {
  console.log(`${from} -> ${byFolder.get(from).sort().join(', ')}`);
}
