import { ScoringInputError } from './errors.js';

/**
 * One GAS goal's latest level, in HUMAN units (−2…+2), and its weight. Each rater scores whole
 * levels, but a goal rated by several roles has the mean of their latest levels (DESIGN §4), so
 * fractional levels are accepted: the formula is linear in them.
 */
export interface GasGoal {
  level: number;
  /** Relative importance; 1 unless given, must be > 0. */
  weight?: number;
}

/** The inter-goal correlation Kiresuk and Sherman assume when none is measured. */
export const DEFAULT_GAS_RHO = 0.3;

/**
 * Kiresuk–Sherman T-score over a plan's GAS goals:
 * T = 50 + 10·Σwᵢxᵢ / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²). 50 means goals met as expected, 10 is one
 * standard deviation. Levels are human units (not tenths): the formula is defined on them.
 * @returns null when there are no goals
 * @throws ScoringInputError OUT_OF_RANGE for a level outside −2…+2, INVALID_WEIGHT for weight ≤ 0
 */
export function gasTScore(goals: readonly GasGoal[], rho = DEFAULT_GAS_RHO): number | null {
  if (goals.length === 0) return null;
  if (!(rho >= 0 && rho < 1)) throw new RangeError(`rho must be in [0, 1), got ${rho}`);
  let weighted = 0;
  let sumW = 0;
  let sumW2 = 0;
  goals.forEach((goal, index) => {
    const w = checkGoal(goal, index);
    weighted += w * goal.level;
    sumW += w;
    sumW2 += w * w;
  });
  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumW2 + rho * sumW * sumW);
}

function checkGoal(goal: GasGoal, index: number): number {
  if (!Number.isFinite(goal.level) || goal.level < -2 || goal.level > 2) {
    throw new ScoringInputError(
      'OUT_OF_RANGE',
      `GAS goal ${index + 1} has level ${goal.level}, outside −2…+2`,
    );
  }
  const weight = goal.weight ?? 1;
  if (!(Number.isFinite(weight) && weight > 0)) {
    throw new ScoringInputError(
      'INVALID_WEIGHT',
      `GAS goal ${index + 1} has weight ${weight}; weights must be > 0`,
    );
  }
  return weight;
}
