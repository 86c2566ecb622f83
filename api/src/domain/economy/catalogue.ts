import type { CostUnit } from './accrual.js';

/** One price version of a catalogue type: valid from/to, both inclusive calendar days. */
export interface PriceVersion {
  typeCode: string;
  unit: CostUnit;
  priceOre: number;
  departmentId: string;
  validFrom: string;
  /** Last valid day; null = until further notice. */
  validTo: string | null;
}

/** A refusal of input, naming the field; the transport turns it into BAD_USER_INPUT. */
export interface EconomyProblem {
  field: string;
  message: string;
}

/** Largest price per unit (one million kroner): keeps every sum far inside safe integers. */
export const MAX_PRICE_ORE = 100_000_000;
export const MAX_QUANTITY = 1_000;

const overlaps = (a: PriceVersion, b: PriceVersion) =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/**
 * The first problem of a catalogue, or null when it is sound: whole non-negative prices, periods
 * that do not end before they start, one unit per type, and no two versions of a type in force
 * on the same day. `field` names the offending row as `rows[i].<column>` of `versions`.
 */
export function catalogueProblem(versions: readonly PriceVersion[]): EconomyProblem | null {
  for (const [i, v] of versions.entries()) {
    if (!Number.isInteger(v.priceOre) || v.priceOre < 0 || v.priceOre > MAX_PRICE_ORE) {
      return { field: `rows[${i}].priceOre`, message: `must be whole øre from 0 to ${MAX_PRICE_ORE}` };
    }
    if (v.validTo !== null && v.validTo < v.validFrom) {
      return { field: `rows[${i}].validTo`, message: 'must not be before validFrom' };
    }
    for (let j = 0; j < i; j++) {
      const w = versions[j] as PriceVersion;
      if (w.typeCode !== v.typeCode) continue;
      if (w.unit !== v.unit) {
        return { field: `rows[${i}].unit`, message: `${v.typeCode} is priced per ${w.unit} elsewhere` };
      }
      if (overlaps(v, w)) {
        return {
          field: `rows[${i}].validFrom`,
          message: `overlaps another price of ${v.typeCode} from ${w.validFrom}`,
        };
      }
    }
  }
  return null;
}

/** The versions of one type, oldest first. */
export function versionsOf(catalogue: readonly PriceVersion[], typeCode: string): PriceVersion[] {
  return catalogue
    .filter((v) => v.typeCode === typeCode)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}
