import { z } from 'zod';
import { builtInInstruments } from './built-in.js';
import { type InstrumentDefinition, parseInstrumentDefinition } from './definition.js';
import { formatIssues, InstrumentDefinitionError } from './definition-error.js';

/**
 * A set of instrument definitions loaded per tenant — typically the licensed wording a
 * municipality holds a licence for (ORS/SRS, Outcome Star, ...), in the same format as built-ins.
 */
export interface InstrumentPack {
  /** Human name of the pack, used in errors and the admin view. */
  name: string;
  /** The tenant the pack belongs to; absent for a pack shared by every tenant. */
  tenant?: string;
  instruments: InstrumentDefinition[];
}

/** Thrown for an invalid pack; each issue names the instrument by index and key. */
export class InstrumentPackError extends InstrumentDefinitionError {
  override readonly name = 'InstrumentPackError';
}

// Instruments are left as unknown here and validated one by one, so an error can name the instrument.
const packShape = z.strictObject({
  name: z.string().trim().min(1, 'a pack needs a name'),
  tenant: z.string().trim().min(1).optional(),
  instruments: z.array(z.unknown()).min(1, 'a pack needs at least one instrument'),
});

/**
 * Validates a pack: its own fields, every instrument, no key/version twice, and no instrument
 * that replaces a built-in without a higher version (an old measurement must keep its meaning).
 * @throws InstrumentPackError listing every problem
 */
export function parseInstrumentPack(
  input: unknown,
  builtIns: readonly InstrumentDefinition[] = builtInInstruments,
): InstrumentPack {
  const shape = packShape.safeParse(input);
  if (!shape.success) {
    const issues = formatIssues(shape.error.issues);
    throw new InstrumentPackError(`Instrument pack is invalid: ${issues.join('; ')}`, issues);
  }
  const issues: string[] = [];
  const instruments: InstrumentDefinition[] = [];
  shape.data.instruments.forEach((raw, index) => {
    try {
      instruments.push(parseInstrumentDefinition(raw));
    } catch (error) {
      if (!(error instanceof InstrumentDefinitionError)) throw error;
      const where = `instruments[${index}]${keySuffix(raw)}`;
      issues.push(...error.issues.map((issue) => `${where} ${issue}`));
    }
  });
  issues.push(...checkVersions(instruments, builtIns));
  if (issues.length > 0) {
    throw new InstrumentPackError(
      `Instrument pack "${shape.data.name}" is invalid: ${issues.join('; ')}`,
      issues,
    );
  }
  const { name, tenant } = shape.data;
  return tenant === undefined ? { name, instruments } : { name, tenant, instruments };
}

function checkVersions(
  instruments: readonly InstrumentDefinition[],
  builtIns: readonly InstrumentDefinition[],
): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  instruments.forEach((def, index) => {
    const where = `instruments[${index}] (key "${def.key}")`;
    const id = `${def.key}@${def.version}`;
    if (seen.has(id)) issues.push(`${where} version: ${id} appears twice in the pack`);
    seen.add(id);
    const builtIn = builtIns.find((b) => b.key === def.key);
    if (builtIn && def.version <= builtIn.version) {
      issues.push(
        `${where} version: overrides built-in "${def.key}" version ${builtIn.version}, so it needs a higher version, got ${def.version}`,
      );
    }
  });
  return issues;
}

function keySuffix(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null || !('key' in raw) || typeof raw.key !== 'string') return '';
  return ` (key "${raw.key}")`;
}

/**
 * The instruments in force: built-ins plus packs, where for each key the highest version wins.
 * Pass only the packs that apply to the tenant at hand. Two definitions of the same key and
 * version are refused rather than picked between, as are pack definitions that would not beat
 * the built-in's version.
 * @throws InstrumentPackError on a key/version clash
 */
export function mergeInstruments(
  builtIns: readonly InstrumentDefinition[],
  packs: readonly InstrumentPack[],
): Map<string, InstrumentDefinition> {
  const builtInByKey = new Map(builtIns.map((def) => [def.key, def]));
  const latest = new Map(builtInByKey);
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const def of pack.instruments) {
      const builtIn = builtInByKey.get(def.key);
      const current = latest.get(def.key);
      const id = `${def.key}@${def.version}`;
      const clash =
        builtIn && def.version <= builtIn.version
          ? `does not beat built-in version ${builtIn.version}`
          : seen.has(id)
            ? 'is defined twice'
            : undefined;
      seen.add(id);
      if (clash) {
        const issue = `pack "${pack.name}" key "${def.key}" version ${def.version} ${clash}`;
        throw new InstrumentPackError(`Cannot merge instrument packs: ${issue}`, [issue]);
      }
      // Pack order must not matter: a lower version seen after a higher one is simply not the latest.
      if (!current || def.version > current.version) latest.set(def.key, def);
    }
  }
  return latest;
}

/**
 * Every known version, keyed "key@version", so a stored measurement is scored by the definition
 * it was recorded with even after a newer version takes over.
 */
export function instrumentVersions(
  builtIns: readonly InstrumentDefinition[],
  packs: readonly InstrumentPack[],
): Map<string, InstrumentDefinition> {
  const all = new Map<string, InstrumentDefinition>();
  for (const def of [...builtIns, ...packs.flatMap((pack) => pack.instruments)]) {
    all.set(`${def.key}@${def.version}`, def);
  }
  return all;
}
