import type { CutoffRule, ScoringRules } from './rules.js';

/**
 * The clinical cutoff (tenths) for a person of the given age, or null when no band covers it.
 * Ages are whole years (we only hold a birth year), so a fractional age is floored. An unknown
 * age gets the adult band: the open-ended upper band with the highest minimum age.
 */
export function ageBandCutoff(
  rules: Pick<ScoringRules, 'cutoffs'>,
  age: number | null | undefined,
): number | null {
  if (age === null || age === undefined || !Number.isFinite(age))
    return adultBand(rules.cutoffs)?.value ?? null;
  const years = Math.floor(age);
  const band = rules.cutoffs.find(
    (b) => (b.minAge === undefined || years >= b.minAge) && (b.maxAge === undefined || years <= b.maxAge),
  );
  return band?.value ?? null;
}

function adultBand(cutoffs: readonly CutoffRule[]): CutoffRule | undefined {
  let best: CutoffRule | undefined;
  for (const band of cutoffs) {
    if (band.maxAge !== undefined) continue;
    if (!best || (band.minAge ?? 0) > (best.minAge ?? 0)) best = band;
  }
  return best;
}
