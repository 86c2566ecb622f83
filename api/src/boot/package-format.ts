import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Start-up time. For every `.js` module it loads from a package, Node's ESM loader asks which
 * module type the package declares, and answers by deserialising the package's whole
 * package.json, `exports` map included — once per module, not once per package. drizzle-orm
 * ships a 179 KB package.json and the API loads a few hundred of its modules, so importing the
 * API took seconds, and on a busy machine more than the 20 s a test waits for a server. This
 * hook answers the same question from the nearest package.json's `type`, read once per
 * directory, for relative `.js` imports between a package's own files; everything else (bare
 * specifiers, exports maps, our own files) resolves as Node does.
 */
const typeOfDirectory = new Map<string, 'module' | 'commonjs'>();

function packageTypeOf(directory: string): 'module' | 'commonjs' {
  const known = typeOfDirectory.get(directory);
  if (known) return known;
  const manifest = join(directory, 'package.json');
  let type: 'module' | 'commonjs';
  if (existsSync(manifest)) {
    type =
      (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module'
        ? 'module'
        : 'commonjs';
  } else {
    const parent = dirname(directory);
    type = parent === directory ? 'commonjs' : packageTypeOf(parent);
  }
  typeOfDirectory.set(directory, type);
  return type;
}

const relative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

/** The format Node would give `url` (a file inside node_modules), or null to let Node decide. */
export function packageModuleFormat(specifier: string, parentURL: string | undefined): string | null {
  if (!parentURL?.startsWith('file:') || !parentURL.includes('/node_modules/')) return null;
  if (!relative(specifier) || !specifier.endsWith('.js')) return null;
  const url = new URL(specifier, parentURL);
  const file = fileURLToPath(url);
  // A missing file resolves through Node, which reports it as it always does.
  if (!existsSync(file)) return null;
  return packageTypeOf(dirname(file));
}
