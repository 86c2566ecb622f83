/**
 * Plausible FIT-style trajectories for benchmark data, in tenths. Pure: the random source is
 * passed in, so the same seed gives the same series.
 */

export interface RandomSource {
  next(): number;
  int(min: number, max: number): number;
}

export const trends = ['IMPROVING', 'FLAT', 'DETERIORATING'] as const;
export type Trend = (typeof trends)[number];

/** Roughly what services see: many improve, a good share stay flat, a minority get worse. */
export function pickTrend(rnd: RandomSource): Trend {
  const r = rnd.next();
  return r < 0.45 ? 'IMPROVING' : r < 0.8 ? 'FLAT' : 'DETERIORATING';
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(v)));

/**
 * Outcome totals (tenths of a 0–40 total) for `sessions` sessions: a start mostly on the
 * clinical side, a change that comes early and levels off, and session-to-session noise.
 */
export function outcomeTotals(rnd: RandomSource, sessions: number, trend: Trend): number[] {
  const start = rnd.int(90, 290);
  const change =
    trend === 'IMPROVING' ? rnd.int(60, 150) : trend === 'FLAT' ? rnd.int(-25, 25) : -rnd.int(55, 110);
  return Array.from({ length: sessions }, (_, i) => {
    const shape = sessions > 1 ? 1 - Math.exp((-3 * i) / (sessions - 1)) : 0;
    return clamp(start + change * (shape / (1 - Math.exp(-3))) + rnd.int(-15, 15), 0, 400);
  });
}

/** Alliance (session) totals: mostly high, with the odd weak session that should raise an alert. */
export function sessionTotals(rnd: RandomSource, sessions: number): number[] {
  const level = rnd.int(320, 390);
  return Array.from({ length: sessions }, () =>
    clamp(level + rnd.int(-20, 12) - (rnd.next() < 0.08 ? rnd.int(30, 80) : 0), 0, 400),
  );
}

/**
 * Item values (tenths, 0–`max` each) that add up to `total` exactly, spread a little around the
 * mean so the items are not all equal.
 */
export function splitTotal(rnd: RandomSource, total: number, items: number, max = 100): number[] {
  const values = Array.from({ length: items }, () => clamp(total / items + rnd.int(-8, 8), 0, max));
  let rest = total - values.reduce((a, b) => a + b, 0);
  while (rest !== 0) {
    const i = rnd.int(0, items - 1);
    const step = Math.sign(rest);
    const next = (values[i] as number) + step;
    if (next < 0 || next > max) continue;
    values[i] = next;
    rest -= step;
  }
  return values;
}

/** A goal rating on the way from baseline to target, with a rater's own view and some noise. */
export function goalRatingValue(
  rnd: RandomSource,
  goal: { baseline: number; target: number; min: number; max: number; step: number },
  progress: number,
  raterBias: number,
): number {
  const raw = goal.baseline + (goal.target - goal.baseline) * progress + raterBias + rnd.int(-8, 8);
  const onStep = Math.round((raw - goal.min) / goal.step) * goal.step + goal.min;
  return clamp(onStep, goal.min, goal.max);
}
