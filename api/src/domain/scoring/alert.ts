import type { Classification } from './classification.js';
import type { OutcomeAlertRules } from './rules.js';

/** Traffic-light colour of a series; GREY means too little data to judge. */
export type AlertColour = 'GREEN' | 'ORANGE' | 'RED' | 'GREY';

/** Stable codes saying why a series has its colour; the widgets translate them. */
export type AlertReason =
  | 'RELIABLE_DETERIORATION'
  | 'NO_IMPROVEMENT_BY_RED_SESSION'
  | 'NO_IMPROVEMENT_AT_ORANGE_SESSION'
  | 'ALLIANCE_BELOW_THRESHOLD'
  | 'ALLIANCE_DROP'
  | 'ALLIANCE_ITEM_LOW'
  | 'INSUFFICIENT_DATA';

/** A colour with every reason that applies, most severe first. */
export interface Alert {
  alert: AlertColour;
  alertReasons: AlertReason[];
}

/** The colour for a set of reasons: RED wins over ORANGE, no reason is GREEN. */
export function colourFor(reasons: readonly AlertReason[]): AlertColour {
  if (reasons.includes('INSUFFICIENT_DATA')) return 'GREY';
  if (reasons.some((reason) => redReasons.has(reason))) return 'RED';
  return reasons.length > 0 ? 'ORANGE' : 'GREEN';
}

const redReasons: ReadonlySet<AlertReason> = new Set([
  'RELIABLE_DETERIORATION',
  'NO_IMPROVEMENT_BY_RED_SESSION',
  'ALLIANCE_BELOW_THRESHOLD',
]);

const insufficient: Alert = { alert: 'GREY', alertReasons: ['INSUFFICIENT_DATA'] };

/**
 * Outcome alert (docs/design.md §4): RED on reliable deterioration or no reliable improvement by the
 * red session; ORANGE with no reliable improvement at the orange session; otherwise GREEN.
 * Only the more severe of the two session reasons is listed.
 */
export function outcomeAlert(
  classification: Classification,
  latestSession: number,
  rules: OutcomeAlertRules,
): Alert {
  if (classification === 'INSUFFICIENT_DATA')
    return { ...insufficient, alertReasons: [...insufficient.alertReasons] };
  const reasons: AlertReason[] = [];
  if (classification === 'DETERIORATED') reasons.push('RELIABLE_DETERIORATION');
  if (classification !== 'IMPROVED') {
    if (latestSession >= rules.redAtSession) reasons.push('NO_IMPROVEMENT_BY_RED_SESSION');
    else if (latestSession >= rules.orangeAtSession) reasons.push('NO_IMPROVEMENT_AT_ORANGE_SESSION');
  }
  return { alert: colourFor(reasons), alertReasons: reasons };
}

/** Alert for goal, GAS and function-level series: GREY under two points, RED on reliable deterioration. */
export function progressAlert(classification: Classification): Alert {
  if (classification === 'INSUFFICIENT_DATA')
    return { ...insufficient, alertReasons: [...insufficient.alertReasons] };
  const reasons: AlertReason[] = classification === 'DETERIORATED' ? ['RELIABLE_DETERIORATION'] : [];
  return { alert: colourFor(reasons), alertReasons: reasons };
}
