import type { InstrumentDefinition, InstrumentPack } from './instruments/index.js';
import { builtInInstruments, mergeInstruments } from './instruments/index.js';

/** The instruments a municipality may use: built-ins, overridden by the packs it has loaded. */
export interface InstrumentCatalog {
  list(municipalityId: string): InstrumentDefinition[];
  get(municipalityId: string, key: string): InstrumentDefinition | undefined;
}

/**
 * Packs with a `tenant` apply to that municipality (by id or code) only; packs without one apply
 * to every tenant of this deployment.
 */
export function createInstrumentCatalog(
  packs: readonly InstrumentPack[],
  codeOf: (municipalityId: string) => string | undefined,
): InstrumentCatalog {
  const cache = new Map<string, Map<string, InstrumentDefinition>>();
  const forTenant = (municipalityId: string) => {
    let merged = cache.get(municipalityId);
    if (!merged) {
      const code = codeOf(municipalityId);
      const applicable = packs.filter((p) => !p.tenant || p.tenant === municipalityId || p.tenant === code);
      merged = mergeInstruments(builtInInstruments, applicable);
      cache.set(municipalityId, merged);
    }
    return merged;
  };
  return {
    list: (municipalityId) => [...forTenant(municipalityId).values()],
    get: (municipalityId, key) => forTenant(municipalityId).get(key),
  };
}
