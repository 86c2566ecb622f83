import type { Direction } from '../instruments/definition.js';

/** How a series changed from its first to its latest measurement. */
export type Classification = 'INSUFFICIENT_DATA' | 'IMPROVED' | 'DETERIORATED' | 'NO_RELIABLE_CHANGE';

/**
 * Change between two totals (tenths) with the sign turned so that positive always means better.
 */
export function directedChange(first: number, latest: number, direction: Direction): number {
  const change = latest - first;
  // `+ 0` avoids -0 when a lower-is-better series does not move.
  return (direction === 'LOWER_IS_BETTER' ? -change : change) + 0;
}

/**
 * Classifies a directed change (tenths, positive = better) against the reliable-change
 * threshold (tenths). Without a threshold no change can be called reliable, so a null threshold
 * gives NO_RELIABLE_CHANGE rather than a guess from the sign. A null change (fewer than two
 * measurements) gives INSUFFICIENT_DATA.
 */
export function classifyChange(change: number | null, reliableChange: number | null): Classification {
  if (change === null) return 'INSUFFICIENT_DATA';
  if (reliableChange === null) return 'NO_RELIABLE_CHANGE';
  if (change >= reliableChange) return 'IMPROVED';
  if (-change >= reliableChange) return 'DETERIORATED';
  return 'NO_RELIABLE_CHANGE';
}

/**
 * Recovered (clinically significant change): reliably improved AND crossed the cutoff from the
 * clinical side. Higher-is-better: first < cutoff ≤ latest. Lower-is-better: first > cutoff ≥ latest.
 * No cutoff → false.
 */
export function isRecovered(
  classification: Classification,
  first: number,
  latest: number,
  cutoff: number | null,
  direction: Direction,
): boolean {
  if (classification !== 'IMPROVED' || cutoff === null) return false;
  if (direction === 'LOWER_IS_BETTER') return first > cutoff && latest <= cutoff;
  return first < cutoff && latest >= cutoff;
}
