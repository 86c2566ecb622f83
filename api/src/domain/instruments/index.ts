/**
 * Instrument definitions: the format, the built-in instruments and pack validation. Pure — no
 * Node APIs — so widgets import it in the browser. The file loader lives in `pack-file.ts`.
 */
export { builtInInstruments } from './built-in.js';
export type { ConsistencyIssue } from './consistency.js';
export {
  alertsSchema,
  type CutoffBand,
  cutoffSchema,
  type Direction,
  type InstrumentAlerts,
  type InstrumentDefinition,
  type InstrumentItem,
  type InstrumentKind,
  instrumentDefinitionSchema,
  itemSchema,
  localisedTextSchema,
  parseInstrumentDefinition,
  scaleSchema,
} from './definition.js';
export { InstrumentDefinitionError } from './definition-error.js';
export {
  type InstrumentPack,
  InstrumentPackError,
  instrumentVersions,
  mergeInstruments,
  parseInstrumentPack,
} from './pack.js';
