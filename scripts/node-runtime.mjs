// Helhed runs on Node 22 (22.15 or later) and 24, the LTS lines. When the machine's Node is
// another one, `npm test` and `npm start` fetch the official Node 24 binaries from the npm
// registry (published there as `node-<platform>-<arch>`), keep them in the git-ignored .cache/
// and run themselves again on that Node. The registry and Debian's packages are all a developer's
// machine or CI can reach, so no installer or version manager is used. Only Node built-ins, and
// code that still runs on the old Node, since this is the step that leaves it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, join } from 'node:path';
import { root } from './setup.mjs';

/**
 * The Node that a machine without a supported one gets: an exact version, and the integrity of
 * each platform's package as the registry published it, so a changed tarball is refused.
 */
export const pinnedNode = {
  version: '24.22.3',
  integrity: {
    'linux-x64':
      'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
    'linux-arm64':
      'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
  },
};

/** What `engines.node` says in package.json and api/package.json; `isSupportedNode` is its test. */
export const supportedRange = '^22.15 || ^24';

/** Whether `version` lies in `supportedRange`. */
export function isSupportedNode(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return (major === 22 && minor >= 15) || major === 24;
}

/**
 * Returns when this process runs on a supported Node. Otherwise obtains the pinned Node 24 and
 * runs this same script again on it; this process then only passes signals on and exits with
 * the child's code, and the returned promise never settles.
 */
export async function ensureSupportedNode() {
  if (isSupportedNode()) return;
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by the script that starts turbo, not by a task
  if (process.env.HELHED_NODE_RERUN) {
    fail(`Helhed re-ran itself on the Node in .cache/, but that is ${process.version}.`);
  }
  const nodeDir = obtainPinnedNode();
  await rerunOn(nodeDir);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** The pinned Node's folder (bin/node, include/node), fetched and unpacked once. */
function obtainPinnedNode() {
  const { version } = pinnedNode;
  const platform = `${process.platform}-${process.arch}`;
  const integrity = pinnedNode.integrity[platform];
  if (!integrity) {
    fail(
      `Helhed needs Node 22.15+ or 24 (see .nvmrc); this is ${process.version}, and there is no pinned Node ${version} for ${platform}. Install Node 24 and run again.`,
    );
  }
  const cache = join(root, '.cache');
  const nodeDir = join(cache, `node-v${version}`);
  if (existsSync(join(nodeDir, 'bin', 'node'))) return nodeDir;

  console.log(`Node ${process.version} is not supported; fetching Node ${version} from the npm registry…`);
  // Unpacked beside its final place and renamed when complete, so an interrupted run is redone.
  const partial = `${nodeDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // npm checks the download against the registry's integrity; we check that against ours.
  const pack = spawnSync(
    'npm',
    ['pack', `node-${platform}@${version}`, '--json', '--pack-destination', partial, '--silent'],
    { cwd: cache, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  if (pack.status !== 0) fail(`✗ npm pack node-${platform}@${version} failed (exit ${pack.status}).`);
  const [packed] = JSON.parse(pack.stdout);
  if (packed.integrity !== integrity) {
    fail(`✗ node-${platform}@${version} has integrity ${packed.integrity}, expected ${integrity}.`);
  }
  const tarball = join(partial, packed.filename);
  const untar = spawnSync('tar', ['-xzf', tarball, '--strip-components=1', '-C', partial], {
    stdio: 'inherit',
  });
  if (untar.status !== 0) fail(`✗ unpacking ${tarball} failed (exit ${untar.status}).`);
  rmSync(tarball);
  const check = spawnSync(join(partial, 'bin', 'node'), ['--version'], { encoding: 'utf8' });
  if (check.stdout?.trim() !== `v${version}`) {
    fail(`✗ the unpacked Node does not run: ${check.error?.message ?? check.stderr ?? check.stdout}`);
  }
  renameSync(partial, nodeDir);
  return nodeDir;
}

/**
 * Runs this script again on the Node in `nodeDir`, its bin folder first on PATH so that npm, npx,
 * turbo, vitest and every server they start use it too, and `npm_config_nodedir` pointing at its
 * headers so a native addon that has to be compiled is compiled for it.
 */
function rerunOn(nodeDir) {
  const node = join(nodeDir, 'bin', 'node');
  console.log(`Running on Node ${pinnedNode.version} (${node}).`);
  const env = {
    ...process.env,
    PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    // npm sets these to the Node it ran on; tools that start Node through them must get this one.
    NODE: node,
    npm_node_execpath: node,
    HELHED_NODE_RERUN: '1',
  };
  const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  return new Promise(() => {
    child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}
