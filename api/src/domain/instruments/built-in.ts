import { childOutcome, childSession, outcome, session } from './built-in-fit.js';
import { functionLevel, gas, goalScale } from './built-in-goals.js';
import { type InstrumentDefinition, parseInstrumentDefinition } from './definition.js';

/**
 * The instruments every tenant has (docs/design.md §4), all in Helhed's own wording. Parsed at module
 * load by the same validator as packs, so a mistake here fails the first test that imports it.
 */
export const builtInInstruments: readonly InstrumentDefinition[] = Object.freeze(
  [outcome, session, childOutcome, childSession, goalScale, gas, functionLevel].map(
    parseInstrumentDefinition,
  ),
);
