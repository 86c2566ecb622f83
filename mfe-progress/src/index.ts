/**
 * mfe-progress: FIT-style session feedback and progression. Importing this module defines the
 * elements (once) and exports single-spa lifecycles.
 */
export { HelhedInstrumentCatalog, type InstrumentSummary } from './instrument-catalog.js';
export { bootstrap, mount, unmount, update } from './lifecycles.js';
