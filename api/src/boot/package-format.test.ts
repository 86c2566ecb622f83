import { readdirSync } from 'node:fs';
import { createRequire, findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageModuleFormat } from './package-format.js';

const require = createRequire(import.meta.url);
// Its exports map hides package.json: find the root from its entry point.
const drizzleRoot = dirname(require.resolve('drizzle-orm'));
const within = (root: string, file: string) => pathToFileURL(join(root, file)).href;

/** Node's own rule: the `type` of the nearest package.json. */
const nodeFormat = (url: string) => {
  const manifest = findPackageJSON(url);
  return manifest && (require(manifest) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
};

describe('the module-type cache for packages', () => {
  it("gives every drizzle-orm module imported from a sibling the type Node's nearest package.json gives", () => {
    const files = readdirSync(join(drizzleRoot, 'sqlite-core'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(20);
    const parent = within(drizzleRoot, 'index.js');
    for (const f of files) {
      const specifier = `./sqlite-core/${f}`;
      expect(packageModuleFormat(specifier, parent)).toBe(nodeFormat(new URL(specifier, parent).href));
    }
    expect(packageModuleFormat('./index.js', parent)).toBe('module');
  });

  it('says commonjs inside a package that declares no type', () => {
    const pg = dirname(require.resolve('pg/package.json'));
    expect(packageModuleFormat('./client.js', within(pg, 'lib/index.js'))).toBe('commonjs');
    expect(nodeFormat(within(pg, 'lib/client.js'))).toBe('commonjs');
  });

  it('leaves to Node what is not a relative .js import between files of an installed package', () => {
    const parent = within(drizzleRoot, 'index.js');
    expect(packageModuleFormat('drizzle-orm/sqlite-core', parent)).toBeNull(); // exports map
    expect(packageModuleFormat('./sql/index.cjs', parent)).toBeNull();
    expect(packageModuleFormat('./no-such-module.js', parent)).toBeNull(); // Node reports it
    expect(packageModuleFormat('./config.js', import.meta.url)).toBeNull(); // our own code
    expect(packageModuleFormat('./index.js', undefined)).toBeNull();
  });
});
