import { addDays } from '../calendar.js';
import { costOfDays, dayIndex } from './accrual.js';
import { type PriceVersion, versionsOf } from './catalogue.js';
import type { LedgerEntry } from './ledger.js';

/** Help or a benefit a citizen received or receives: a catalogue type, a quantity, a period. */
export interface Provision {
  citizenId: string;
  typeCode: string;
  quantity: number;
  startsOn: string;
  /** Last day, inclusive; null = ongoing. */
  endsOn: string | null;
}

/** Half-open calendar window [from, until): `until` is the day after the last day. */
export interface Window {
  from: string;
  until: string;
}

/** What a provision cost inside a window, by department and month, and the days nothing priced. */
export interface ProvisionCost {
  entries: LedgerEntry[];
  unpricedDays: number;
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
const firstOfNextMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * The cost of a provision inside a window: cut at each price version's validity and at month
 * ends, each piece priced by the accrual rule with the version in force and charged to its
 * paying department (docs/economy.md).
 */
export function costOfProvision(
  provision: Provision,
  catalogue: readonly PriceVersion[],
  window: Window,
): ProvisionCost {
  const from = max(provision.startsOn, window.from);
  const until = provision.endsOn === null ? window.until : min(addDays(provision.endsOn, 1), window.until);
  if (until <= from) return { entries: [], unpricedDays: 0 };
  const entries: LedgerEntry[] = [];
  let pricedDays = 0;
  for (const v of versionsOf(catalogue, provision.typeCode)) {
    const pieceFrom = max(from, v.validFrom);
    const pieceUntil = v.validTo === null ? until : min(until, addDays(v.validTo, 1));
    if (pieceUntil <= pieceFrom) continue;
    pricedDays += dayIndex(pieceUntil) - dayIndex(pieceFrom);
    const rate = v.priceOre * provision.quantity;
    for (let day = pieceFrom; day < pieceUntil; day = firstOfNextMonth(day)) {
      const end = min(firstOfNextMonth(day), pieceUntil);
      entries.push({
        departmentId: v.departmentId,
        month: day.slice(0, 7),
        amountOre: costOfDays(v.unit, rate, day, end),
      });
    }
  }
  return { entries, unpricedDays: dayIndex(until) - dayIndex(from) - pricedDays };
}

/**
 * What a provision cost inside a window per paying department, without the split by month: by
 * the accrual rule adjacent periods add up exactly, so one difference per price version equals
 * the sum of its months (tested as a property). The statistics cost thousands of provisions over
 * a dozen windows each; this is what keeps them within their budget.
 */
export function costByPayer(
  provision: Provision,
  catalogue: readonly PriceVersion[],
  window: Window,
): { departmentId: string; amountOre: number }[] {
  const from = max(provision.startsOn, window.from);
  const until = provision.endsOn === null ? window.until : min(addDays(provision.endsOn, 1), window.until);
  if (until <= from) return [];
  const out: { departmentId: string; amountOre: number }[] = [];
  for (const v of versionsOf(catalogue, provision.typeCode)) {
    const pieceFrom = max(from, v.validFrom);
    const pieceUntil = v.validTo === null ? until : min(until, addDays(v.validTo, 1));
    if (pieceUntil <= pieceFrom) continue;
    out.push({
      departmentId: v.departmentId,
      amountOre: costOfDays(v.unit, v.priceOre * provision.quantity, pieceFrom, pieceUntil),
    });
  }
  return out;
}
