import { suppressCells } from '../statistics/suppression.js';

/**
 * The one place the economy figures meet small-cell suppression: the same rule and code as the
 * progression statistics (docs/statistics.md), so a change there reaches these figures too.
 */
export function suppressedFlags(
  cells: readonly { keys: readonly (string | null)[]; n: number; uniform?: boolean }[],
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
  /**
   * How the citizen's outcome moved over the same two years (economy/outcome-verdicts.ts); null
   * when no outcome series there has two measurements.
   */
  outcome: OutcomeVerdict | null;
}

/** The scoring module's classification of a citizen's outcome series. */
export type OutcomeVerdict = 'IMPROVED' | 'NO_RELIABLE_CHANGE' | 'DETERIORATED';

/** A published comparison cell; every figure is null when suppressed. */
export interface ComparisonCell {
  targetGroup: string;
  departmentKind: string;
  n: number | null;
  meanBaselineOre: number | null;
  meanFirstYearOre: number | null;
  meanChangeOre: number | null;
  lowerCost: number | null;
  /** Of the n, how many have an outcome series classified over the two years. */
  withOutcome: number | null;
  /** Of those, how many reliably improved. */
  improved: number | null;
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
  outcomes: OutcomeVerdict[];
}

/**
 * As in the progression statistics (docs/statistics.md, "everyone the same"): when every
 * citizen with a classified outcome in a cell moved the same way, publishing the cell would tell
 * each one's outcome, so it is suppressed like a small cell.
 */
const sameOutcome = (outcomes: readonly OutcomeVerdict[]) =>
  outcomes.length > 0 && outcomes.every((o) => o === outcomes[0]);

/**
 * Baseline against first plan year per target group × department kind (docs/economy.md): a
 * citizen counts in a cell when in its target group with any cost from that kind in either
 * year, and brings how their outcome moved ("share improved" beside the cost). Small cells,
 * cells where everyone's outcome moved alike, and their complements are suppressed.
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
          outcomes: [],
        };
        const before = c.baseline.get(departmentKind) ?? 0;
        const during = c.firstYear.get(departmentKind) ?? 0;
        t.n += 1;
        t.baseline += before;
        t.firstYear += during;
        if (during < before) t.lower += 1;
        if (c.outcome) t.outcomes.push(c.outcome);
        tallies.set(key, t);
      }
    }
  }
  const ordered = [...tallies.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
  const hidden = suppressedFlags(
    ordered.map((t) => ({
      keys: [t.targetGroup, t.departmentKind],
      n: t.n,
      uniform: sameOutcome(t.outcomes),
    })),
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
        withOutcome: null,
        improved: null,
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
      withOutcome: t.outcomes.length,
      improved: t.outcomes.filter((o) => o === 'IMPROVED').length,
      suppressed: false,
    };
  });
}
