import { ScoringInputError } from './errors.js';
import { DEFAULT_SPREAD_FLAG } from './rules.js';
import { toTenths } from './units.js';

/** One participant's rating of a goal; value in tenths. */
export interface GoalRating {
  /** parent, child, professional, teacher, ... — each role counts once. */
  raterRole: string;
  value: number;
  occurredAt: string;
}

/** A goal's current standing across the people who rate it; numbers in tenths. */
export interface GoalLatest {
  /** Mean of each role's latest rating, rounded to whole tenths; null without ratings. */
  latest: number | null;
  /** max − min of the roles' latest ratings; null without ratings. */
  spread: number | null;
  /** True when spread ≥ spreadFlag: the family and professionals see the goal differently. */
  flagged: boolean;
  /** Each role's latest rating. */
  byRole: Record<string, number>;
}

/**
 * A goal's latest value and spread (docs/design.md §4). Each role's latest rating counts once, so a
 * professional who rates often does not outweigh a parent who rated once. Equal timestamps:
 * the later rating in the input wins.
 * @param spreadFlag threshold in HUMAN units (3 = three points on the 0–10 line)
 * @throws ScoringInputError INVALID_DATE when an occurredAt cannot be parsed
 */
export function goalLatest(ratings: readonly GoalRating[], spreadFlag = DEFAULT_SPREAD_FLAG): GoalLatest {
  const latestByRole = new Map<string, { value: number; time: number }>();
  for (const rating of ratings) {
    const time = Date.parse(rating.occurredAt);
    if (Number.isNaN(time)) {
      throw new ScoringInputError(
        'INVALID_DATE',
        `occurredAt "${rating.occurredAt}" is not an ISO 8601 date`,
      );
    }
    const current = latestByRole.get(rating.raterRole);
    if (!current || time >= current.time) latestByRole.set(rating.raterRole, { value: rating.value, time });
  }
  const values = [...latestByRole.values()].map(({ value }) => value);
  const byRole = Object.fromEntries([...latestByRole].map(([role, { value }]) => [role, value]));
  if (values.length === 0) return { latest: null, spread: null, flagged: false, byRole };
  const mean = values.reduce((acc, value) => acc + value, 0) / values.length;
  const spread = Math.max(...values) - Math.min(...values);
  return { latest: Math.round(mean), spread, flagged: spread >= toTenths(spreadFlag), byRole };
}

/**
 * Share of the way from baseline to target (all tenths): 0 at baseline, 1 at target. Not
 * clamped on purpose: 1.2 says the goal was passed, −0.3 that things went backwards, and both
 * must stay visible. Null when there is no latest value or baseline and target coincide.
 */
export function goalProgress(
  baseline: number | null,
  target: number | null,
  latest: number | null,
): number | null {
  if (baseline === null || target === null || latest === null || target === baseline) return null;
  return (latest - baseline) / (target - baseline);
}
