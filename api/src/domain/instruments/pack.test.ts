import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInInstruments } from './built-in.js';
import type { InstrumentDefinition } from './definition.js';
import { InstrumentPackError, instrumentVersions, mergeInstruments, parseInstrumentPack } from './pack.js';
import { loadInstrumentPackFile } from './pack-file.js';

const fixture = fileURLToPath(new URL('./fixtures/example-pack.json', import.meta.url));

function goalScale(version: number): InstrumentDefinition {
  const def = builtInInstruments.find((d) => d.key === 'goal-scale');
  if (!def) throw new Error('no goal-scale');
  return { ...def, version, licence: { wording: 'LICENSED', note: 'tenant wording' } };
}

function packIssues(input: unknown): readonly string[] {
  try {
    parseInstrumentPack(input);
  } catch (error) {
    if (error instanceof InstrumentPackError) return error.issues;
    throw error;
  }
  throw new Error('expected the pack to be refused');
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'helhed-pack-')), name);
  writeFileSync(path, content);
  return path;
}

describe('instrument packs', () => {
  it('loads the example pack from disk', () => {
    const pack = loadInstrumentPackFile(fixture);
    expect(pack.name).toBe('Example pack (invented for tests)');
    expect(pack.tenant).toBe('example-kommune');
    expect(pack.instruments.map((d) => `${d.key}@${d.version}`)).toEqual(['example-wellbeing@1']);
  });

  it('refuses an override of a built-in with the same version', () => {
    expect(packIssues({ name: 'Licensed', instruments: [goalScale(1)] })).toEqual([
      'instruments[0] (key "goal-scale") version: overrides built-in "goal-scale" version 1, so it needs a higher version, got 1',
    ]);
  });

  it('accepts an override of a built-in with a higher version', () => {
    const pack = parseInstrumentPack({ name: 'Licensed', instruments: [goalScale(2)] });
    expect(pack.instruments[0]?.version).toBe(2);
  });

  it('names the instrument by index and key when one is invalid', () => {
    const issues = packIssues({
      name: 'Broken',
      instruments: [goalScale(2), { ...goalScale(3), total: 'SUMM' }],
    });
    expect(issues).toEqual([expect.stringMatching(/^instruments\[1\] \(key "goal-scale"\) total: /)]);
  });

  it('refuses the same key and version twice in one pack', () => {
    expect(packIssues({ name: 'Twice', instruments: [goalScale(2), goalScale(2)] })).toEqual([
      'instruments[1] (key "goal-scale") version: goal-scale@2 appears twice in the pack',
    ]);
  });

  it('refuses a pack without a name or instruments', () => {
    expect(packIssues({ instruments: [] })).toEqual([
      expect.stringMatching(/^name: /),
      'instruments: a pack needs at least one instrument',
    ]);
  });

  it('names the file when it cannot be read, is not JSON or is not a pack', () => {
    expect(() => loadInstrumentPackFile('/nonexistent/pack.json')).toThrow(
      /Cannot read instrument pack file \/nonexistent\/pack\.json/,
    );
    const notJson = tempFile('broken.json', '{ "name": ');
    expect(() => loadInstrumentPackFile(notJson)).toThrow(
      `Instrument pack file ${notJson} is not valid JSON`,
    );
    const notPack = tempFile('wrong.json', JSON.stringify({ name: 'x', instruments: [{ key: 'y' }] }));
    expect(() => loadInstrumentPackFile(notPack)).toThrow(`Instrument pack file ${notPack} is invalid`);
  });
});

describe('merging instruments', () => {
  it('keeps the highest version of each key whatever the pack order', () => {
    const two = { name: 'two', instruments: [goalScale(2)] };
    const three = { name: 'three', instruments: [goalScale(3)] };
    expect(mergeInstruments(builtInInstruments, [two, three]).get('goal-scale')?.version).toBe(3);
    expect(mergeInstruments(builtInInstruments, [three, two]).get('goal-scale')?.version).toBe(3);
    expect(mergeInstruments(builtInInstruments, []).get('goal-scale')?.version).toBe(1);
  });

  it('adds new keys from packs beside the built-ins', () => {
    const merged = mergeInstruments(builtInInstruments, [loadInstrumentPackFile(fixture)]);
    expect(merged.size).toBe(builtInInstruments.length + 1);
    expect(merged.get('example-wellbeing')?.total).toBe('MEAN');
  });

  it('refuses two packs defining the same key and version', () => {
    const a = { name: 'a', instruments: [goalScale(2)] };
    const b = { name: 'b', instruments: [goalScale(2)] };
    expect(() => mergeInstruments(builtInInstruments, [a, b])).toThrow(
      /"goal-scale" version 2 is defined twice/,
    );
  });

  it('refuses a pack version that does not beat the built-in', () => {
    const stale = { name: 'stale', instruments: [goalScale(1)] };
    expect(() => mergeInstruments(builtInInstruments, [stale])).toThrow(/does not beat built-in version 1/);
  });

  it('keeps every version addressable for scoring old measurements', () => {
    const versions = instrumentVersions(builtInInstruments, [{ name: 'two', instruments: [goalScale(2)] }]);
    expect(versions.get('goal-scale@1')?.licence.wording).toBe('OWN');
    expect(versions.get('goal-scale@2')?.licence.wording).toBe('LICENSED');
  });
});
