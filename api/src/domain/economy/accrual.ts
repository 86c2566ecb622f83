/**
 * Prorating without drift (docs/economy.md "Prorating and rounding"). Each unit accrues from a
 * fixed origin; a period costs accrual(day after end) − accrual(first day), each rounded down to
 * whole øre, so adjacent periods add up exactly and no period is an øre or more from exact.
 * Pure; BigInt inside so no product of price × quantity × days can lose precision.
 */
import type { CostUnit } from '../../db/schema/economy.js';

export { type CostUnit, costUnits } from '../../db/schema/economy.js';

const DAY_MS = 86_400_000;
/** Monday 3 January 2000: weekly rates accrue whole weeks from a Monday. */
const ORIGIN_MS = Date.UTC(2000, 0, 3);

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** Calendar days from the origin to a YYYY-MM-DD date (negative before it). */
export function dayIndex(date: string): number {
  const [y, m, d] = parts(date);
  return Math.round((Date.UTC(y, m - 1, d) - ORIGIN_MS) / DAY_MS);
}

/** Days in the calendar month of a date. */
export function daysInMonth(date: string): number {
  const [y, m] = parts(date);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Rounds towards −∞, unlike BigInt division, so accruals before the origin stay monotone. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * Whole øre accrued at the start of `date` by a rate of `rateOre` (price × quantity) per unit.
 * Only differences of accruals mean anything.
 */
export function accrual(unit: CostUnit, rateOre: number, date: string): bigint {
  const rate = BigInt(rateOre);
  switch (unit) {
    case 'HOUR':
    case 'WEEK':
      return floorDiv(rate * BigInt(dayIndex(date)), 7n);
    case 'PLACEMENT_DAY':
      return rate * BigInt(dayIndex(date));
    case 'MONTH': {
      const [y, m, d] = parts(date);
      const months = BigInt((y - 2000) * 12 + (m - 1));
      return rate * months + floorDiv(rate * BigInt(d - 1), BigInt(daysInMonth(date)));
    }
  }
}

/** Cost in øre of the days [from, until): `until` is the day after the last day. */
export function costOfDays(unit: CostUnit, rateOre: number, from: string, until: string): number {
  if (until <= from) return 0;
  return Number(accrual(unit, rateOre, until) - accrual(unit, rateOre, from));
}
