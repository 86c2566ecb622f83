import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSupportedNode, pinnedNode, supportedRange } from '../../scripts/node-runtime.mjs';

const engines = (file: string): string =>
  JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).engines.node;

describe('the supported Node', () => {
  it('is what npm test runs on, even on a machine whose own Node is older', () => {
    // npm test re-runs itself on the pinned Node 24 when the machine's Node is unsupported, with
    // that Node first on PATH; were that to fail, vitest would be running on the old Node here.
    expect(isSupportedNode(process.versions.node), process.version).toBe(true);
  });

  it('is the range that engines declares in the root and the API package', () => {
    expect(engines('package.json')).toBe(supportedRange);
    expect(engines('api/package.json')).toBe(supportedRange);
  });

  it('takes Node 22 from 22.15 and all of Node 24, and nothing older or newer', () => {
    for (const version of ['22.15.0', '22.22.1', '24.0.0', '24.22.3']) {
      expect(isSupportedNode(version), version).toBe(true);
    }
    for (const version of ['20.20.2', '21.7.3', '22.14.0', '23.11.0', '25.0.0', '26.12.1']) {
      expect(isSupportedNode(version), version).toBe(false);
    }
  });

  it('pins a Node that is itself supported, with an integrity for each platform it serves', () => {
    expect(isSupportedNode(pinnedNode.version)).toBe(true);
    const nvmrc = readFileSync(new URL('../../.nvmrc', import.meta.url), 'utf8').trim();
    expect(pinnedNode.version.split('.')[0]).toBe(nvmrc);
    // The README tells how to put the fetched Node on PATH for the other commands.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`.cache/node-v${pinnedNode.version}/bin`);
    expect(Object.keys(pinnedNode.integrity)).toContain('linux-x64');
    for (const integrity of Object.values(pinnedNode.integrity)) expect(integrity).toMatch(/^sha512-/);
  });
});
