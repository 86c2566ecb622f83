import { dayIndex } from './accrual.js';
import { suppressedFlags } from './cells.js';

/** One citizen's part of a quarter for one department: baseline prorated and actual cost. */
export interface QuarterShare {
  quarter: string;
  departmentId: string;
  baselineOre: number;
  actualOre: number;
}

/** A published follow-up cell; figures null when suppressed. */
export interface FollowUpCell {
  quarter: string;
  departmentId: string;
  n: number | null;
  baselineOre: number | null;
  actualOre: number | null;
  differenceOre: number | null;
  suppressed: boolean;
}

/** A calendar quarter (`2026-Q1`) as a half-open window. */
export function quarterWindow(quarter: string): { from: string; until: string } {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const month = (q - 1) * 3 + 1;
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const until = q === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { from, until };
}

/** The quarter a date falls in. */
export const quarterOf = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** Quarters from the one holding `from` to the one holding `to`, in order. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = quarterOf(from); q <= quarterOf(to); q = quarterOf(quarterWindow(q).until)) out.push(q);
  return out;
}

/**
 * A baseline year's cost prorated to the days of a window it is compared with, rounded down:
 * baseline × days / days of the baseline year (docs/economy.md, budget follow-up).
 */
export function prorateBaseline(baselineOre: number, baselineYearDays: number, days: number): number {
  return Number((BigInt(baselineOre) * BigInt(days)) / BigInt(baselineYearDays));
}

/** Days of [from, until) on or after a plan's start. */
export function daysSince(start: string, window: { from: string; until: string }): number {
  const from = start > window.from ? start : window.from;
  return Math.max(0, dayIndex(window.until) - dayIndex(from));
}

/** Adds the citizens' shares per quarter and department and suppresses small cells. */
export function followUp(shares: readonly QuarterShare[], minCellSize: number): FollowUpCell[] {
  const sums = new Map<
    string,
    { quarter: string; departmentId: string; n: number; baselineOre: number; actualOre: number }
  >();
  for (const s of shares) {
    const key = JSON.stringify([s.quarter, s.departmentId]);
    const t = sums.get(key) ?? {
      quarter: s.quarter,
      departmentId: s.departmentId,
      n: 0,
      baselineOre: 0,
      actualOre: 0,
    };
    t.n += 1;
    t.baselineOre += s.baselineOre;
    t.actualOre += s.actualOre;
    sums.set(key, t);
  }
  const ordered = [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
  // One line per quarter across departments: the quarter's total must not give a small one away.
  const hidden = suppressedFlags(
    ordered.map((t) => ({ keys: [t.quarter, t.departmentId], n: t.n })),
    minCellSize,
  );
  return ordered.map((t, i) =>
    hidden[i]
      ? {
          quarter: t.quarter,
          departmentId: t.departmentId,
          n: null,
          baselineOre: null,
          actualOre: null,
          differenceOre: null,
          suppressed: true,
        }
      : { ...t, differenceOre: t.actualOre - t.baselineOre, suppressed: false },
  );
}
