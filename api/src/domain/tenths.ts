import { badInput } from './errors.js';
import { isWholeTenths, toTenths } from './scoring/index.js';

/**
 * Converts a value a person entered on a scale (7.3) to the stored tenths (73). Unlike the pure
 * `toTenths`, it refuses values finer than a tenth instead of rounding them silently: input at
 * the API's edge must be exact.
 */
export function enteredToTenths(value: number, field: string): number {
  if (!isWholeTenths(value)) throw badInput(`${field} must be given in steps of 0.1 at most.`, field);
  return toTenths(value);
}
