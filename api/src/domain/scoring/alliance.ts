import { type Alert, type AlertReason, colourFor } from './alert.js';
import type { AllianceRules } from './rules.js';

/** One session rating as the alliance rules see it, in tenths. */
export interface AllianceRating {
  total: number;
  values?: readonly number[];
}

/**
 * Alliance alert over time-ordered session ratings. Unlike outcome series this applies from the
 * FIRST rating — a weak alliance at session 1 is exactly what should be talked about before the
 * person drops out — so only an empty series is GREY. Reasons: total below the threshold (RED),
 * a drop of at least `dropOf` from the previous rating (ORANGE), any item below `itemBelow`
 * (ORANGE, only when item values are given). Several may apply; RED wins.
 */
export function allianceAlert(ratings: readonly AllianceRating[], rules: AllianceRules): Alert {
  const latest = ratings.at(-1);
  if (!latest) return { alert: 'GREY', alertReasons: ['INSUFFICIENT_DATA'] };
  const previous = ratings.at(-2);
  const reasons: AlertReason[] = [];
  const below =
    rules.comparison === 'LTE' ? latest.total <= rules.totalBelow : latest.total < rules.totalBelow;
  if (below) reasons.push('ALLIANCE_BELOW_THRESHOLD');
  if (previous && previous.total - latest.total >= rules.dropOf) reasons.push('ALLIANCE_DROP');
  if (latest.values?.some((value) => value < rules.itemBelow)) reasons.push('ALLIANCE_ITEM_LOW');
  return { alert: colourFor(reasons), alertReasons: reasons };
}
