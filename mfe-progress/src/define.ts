import { defineOnce } from '@helhed/kit';
import { HelhedInstrumentCatalog } from './instrument-catalog.js';

/** Defines every element of mfe-progress once, however often the module is loaded. */
export function defineProgressElements(): void {
  defineOnce('helhed-instrument-catalog', HelhedInstrumentCatalog);
}
