import { defineOnce } from '@helhed/kit';
import { HelhedFamily } from './family.js';

/** Defines every element of mfe-family once, however often the module is loaded. */
export function defineFamilyElements(): void {
  defineOnce('helhed-family', HelhedFamily);
}
