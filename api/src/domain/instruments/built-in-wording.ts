import type { InstrumentDefinition } from './definition.js';

/*
 * Shared parts of the built-in instruments. Every phrase is Helhed's own, written for these
 * instruments; the licensed ORS/SRS/CORS/CSRS wording is never committed (docs/design.md §4).
 */

/** Shorthand for a Danish/English pair. */
export function text(da: string, en: string): { da: string; en: string } {
  return { da, en };
}

/** The licence note every built-in instrument carries. */
export const ownWording: InstrumentDefinition['licence'] = {
  wording: 'OWN',
  note: "Helhed's own wording; licensed ORS/SRS wording is loaded as a pack",
};

/** A 0–10 line in tenths of a point, as the FIT-style instruments use. */
export const zeroToTen: InstrumentDefinition['scale'] = { min: 0, max: 10, step: 0.1 };

/** Session alliance alerts of docs/design.md §4: total < 36, a drop of 1 point, or an item < 9. */
export const allianceAlerts: InstrumentDefinition['alerts'] = {
  type: 'ALLIANCE',
  totalBelow: 36,
  comparison: 'LT',
  dropOf: 1,
  itemBelow: 9,
};

/** Outcome alerts of docs/design.md §4: no reliable improvement is ORANGE at session 3, RED at 4. */
export const outcomeAlerts: InstrumentDefinition['alerts'] = {
  type: 'OUTCOME',
  orangeAtSession: 3,
  redAtSession: 4,
};
