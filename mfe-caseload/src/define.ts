import { defineOnce } from '@helhed/kit';
import { HelhedCaseload } from './caseload.js';

/** Defines every element of mfe-caseload once, however often the module is loaded. */
export function defineCaseloadElements(): void {
  defineOnce('helhed-caseload', HelhedCaseload);
}
