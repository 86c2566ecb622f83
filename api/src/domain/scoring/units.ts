import { ScoringInputError } from './errors.js';

/*
 * Inside scoring every item value and total is an integer number of tenths (7.3 on a 0–10 line
 * is 73). Integers add up exactly, so totals never drift; definitions stay in human units
 * because that is what municipalities edit.
 */

/** Converts a human-unit number (7.3) to integer tenths (73). Throws on NaN or ±Infinity. */
export function toTenths(n: number): number {
  if (!Number.isFinite(n)) {
    throw new ScoringInputError('NOT_A_NUMBER', `Expected a finite number, got ${String(n)}`);
  }
  // `+ 0` turns the -0 that Math.round(-0.01) yields into 0, so equality checks stay simple.
  return Math.round(n * 10) + 0;
}

/** Converts integer tenths (73) back to human units (7.3). */
export function fromTenths(t: number): number {
  return t / 10;
}

/** True when a human-unit number is a whole number of tenths (7.3 yes, 7.35 no), within float noise. */
export function isWholeTenths(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  return Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;
}
