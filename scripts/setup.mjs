// Shared first steps of `npm start` and `npm test`: only Node built-ins, since it runs before
// dependencies are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command in the repository, streaming its output; exits with its code on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0 && !options.allowFailure) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

/** Installs exactly the locked dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
  if (!stale) return;
  console.log('Installing dependencies (npm ci)…');
  // The lockfile lists every platform's optional binaries (Biome, turbo), so npm ci installs
  // exactly what it says; there is deliberately no fallback to npm install.
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium drives the browser tests; no tool may download a browser of its own. */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = 'apt-get update && apt-get install -y chromium';
  if (!isRoot) {
    console.error(
      `Chromium is missing at ${chromiumPath}. Install Debian's package first:\n  sudo sh -c '${command}'`,
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium package…");
  run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command.replace('install -y', 'install -y -q')}`]);
}

/** Debian's PostgreSQL server binaries, newest version first; empty when none is installed. */
export function postgresBinDirs() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(base, v, 'bin'));
}

/**
 * The contract and access tests run a second time against a throw-away PostgreSQL cluster
 * (started by the tests themselves), so its server binaries must be installed.
 */
export function ensurePostgres() {
  if (postgresBinDirs().length > 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = 'apt-get update && apt-get install -y postgresql';
  if (!isRoot) {
    console.error(
      `PostgreSQL's server binaries are missing (/usr/lib/postgresql/*/bin). Install Debian's package first:\n  sudo sh -c '${command}'`,
    );
    process.exit(1);
  }
  console.log("Installing Debian's postgresql package…");
  run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command.replace('install -y', 'install -y -q')}`]);
}

/**
 * Debian's faketime (libfaketime) shifts the clock of a process and its children; `npm test`
 * runs the API suite a second time 400 days ahead with it, so no test may depend on the day.
 */
export function ensureFaketime() {
  if (existsSync('/usr/bin/faketime')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = 'apt-get update && apt-get install -y faketime';
  if (!isRoot) {
    console.error(`faketime is missing. Install Debian's package first:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  console.log("Installing Debian's faketime package…");
  run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command.replace('install -y', 'install -y -q')}`]);
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
