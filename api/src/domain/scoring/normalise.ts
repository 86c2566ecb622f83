import type { InstrumentDefinition } from '../instruments/definition.js';
import { totalRange } from './total.js';

/**
 * Places a total (tenths) on a common 0–1 scale where 0 is the worst and 1 the best possible,
 * flipped for lower-is-better instruments, so progression compares across instruments and
 * departments. Clamped, so a total outside the range (an old definition) cannot leave [0, 1].
 */
export function normalise(def: InstrumentDefinition, totalTenths: number): number {
  const { min, max } = totalRange(def);
  // Distance from the worst end over the span; computed directly rather than as 1 − share so a
  // mirrored series gets bit-identical values.
  const fromWorst = def.direction === 'LOWER_IS_BETTER' ? max - totalTenths : totalTenths - min;
  const better = fromWorst / (max - min);
  return Math.min(1, Math.max(0, better));
}
