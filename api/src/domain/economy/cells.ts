import { suppressCells } from '../statistics/suppression.js';

/**
 * The one place the economy figures meet small-cell suppression: the same rule and code as the
 * progression statistics (docs/statistics.md), so a change there reaches these figures too.
 */
export function suppressedFlags(
  cells: readonly { keys: readonly (string | null)[]; n: number }[],
  minCellSize: number,
): boolean[] {
  return suppressCells(cells, minCellSize);
}

/** One compared citizen: target groups and what each department kind paid before and during. */
export interface ComparedCitizen {
  targetGroupKeys: readonly string[];
  /** Baseline year, øre per department kind. */
  baseline: ReadonlyMap<string, number>;
  /** First plan year, øre per department kind. */
  firstYear: ReadonlyMap<string, number>;
}

/** A published comparison cell; every figure is null when suppressed. */
export interface ComparisonCell {
  targetGroup: string;
  departmentKind: string;
  n: number | null;
  meanBaselineOre: number | null;
  meanFirstYearOre: number | null;
  meanChangeOre: number | null;
  lowerCost: number | null;
  suppressed: boolean;
}

/** Σ / n rounded half up to whole øre (amounts are never negative). */
export const meanOre = (sum: number, n: number) => Math.floor((2 * sum + n) / (2 * n));

interface Tally {
  targetGroup: string;
  departmentKind: string;
  n: number;
  baseline: number;
  firstYear: number;
  lower: number;
}

/**
 * Baseline against first plan year per target group × department kind (docs/economy.md): a
 * citizen counts in a cell when in its target group with any cost from that kind in either
 * year. Small cells and their complements are suppressed.
 */
export function compareCosts(citizens: readonly ComparedCitizen[], minCellSize: number): ComparisonCell[] {
  const tallies = new Map<string, Tally>();
  for (const c of citizens) {
    const kinds = new Set([...c.baseline.keys(), ...c.firstYear.keys()]);
    for (const targetGroup of c.targetGroupKeys) {
      for (const departmentKind of kinds) {
        const key = JSON.stringify([targetGroup, departmentKind]);
        const t = tallies.get(key) ?? {
          targetGroup,
          departmentKind,
          n: 0,
          baseline: 0,
          firstYear: 0,
          lower: 0,
        };
        const before = c.baseline.get(departmentKind) ?? 0;
        const during = c.firstYear.get(departmentKind) ?? 0;
        t.n += 1;
        t.baseline += before;
        t.firstYear += during;
        if (during < before) t.lower += 1;
        tallies.set(key, t);
      }
    }
  }
  const ordered = [...tallies.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
  const hidden = suppressedFlags(
    ordered.map((t) => ({ keys: [t.targetGroup, t.departmentKind], n: t.n })),
    minCellSize,
  );
  return ordered.map((t, i) => {
    if (hidden[i]) {
      return {
        targetGroup: t.targetGroup,
        departmentKind: t.departmentKind,
        n: null,
        meanBaselineOre: null,
        meanFirstYearOre: null,
        meanChangeOre: null,
        lowerCost: null,
        suppressed: true,
      };
    }
    const meanBaselineOre = meanOre(t.baseline, t.n);
    const meanFirstYearOre = meanOre(t.firstYear, t.n);
    return {
      targetGroup: t.targetGroup,
      departmentKind: t.departmentKind,
      n: t.n,
      meanBaselineOre,
      meanFirstYearOre,
      meanChangeOre: meanFirstYearOre - meanBaselineOre,
      lowerCost: t.lower,
      suppressed: false,
    };
  });
}
