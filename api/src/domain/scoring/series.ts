import type { InstrumentDefinition } from '../instruments/definition.js';
import { type Alert, type AlertColour, type AlertReason, outcomeAlert, progressAlert } from './alert.js';
import { allianceAlert } from './alliance.js';
import { type Classification, classifyChange, directedChange, isRecovered } from './classification.js';
import { ageBandCutoff } from './cutoff.js';
import { ScoringInputError } from './errors.js';
import { normalise } from './normalise.js';
import { resolveRules, type ScoringRules } from './rules.js';

/** One measurement of a series: total and item values in tenths. */
export interface SeriesPoint {
  /** ISO 8601 timestamp; the series is ordered by this, not by input order. */
  occurredAt: string;
  total: number;
  values?: readonly number[];
  /** Session number; when absent the point's 1-based position in time order is used. */
  session?: number | null;
}

/** A point as analysed: normalised (0 worst, 1 best) and with its session number resolved. */
export interface AnalysedPoint {
  occurredAt: string;
  total: number;
  normalized: number;
  session: number;
}

/** Options of `analyseSeries`. */
export interface SeriesOptions {
  /** Age at the first measurement, for the cutoff band; unknown → adult band. */
  ageAtStart?: number | null;
  /** Tenant rules; defaults to the definition's own thresholds. */
  rules?: ScoringRules;
}

/** Everything docs/design.md §4 says about one citizen's series on one instrument. Numbers in tenths. */
export interface SeriesAnalysis {
  points: AnalysedPoint[];
  /** Total of the earliest point, tenths; null for an empty series. */
  first: number | null;
  /** Total of the latest point, tenths; null for an empty series. */
  latest: number | null;
  /** latest − first, positive = better whatever the direction; null under two points. */
  change: number | null;
  /** latest.normalized − first.normalized (positive = better); null under two points. */
  normalizedChange: number | null;
  classification: Classification;
  recovered: boolean;
  alert: AlertColour;
  alertReasons: AlertReason[];
  /** The age-appropriate clinical cutoff, tenths, or null when there is none. */
  cutoff: number | null;
}

/**
 * Analyses one series (one citizen, one instrument, one respondent role): orders it by time
 * (ties keep input order), then classifies the change, checks recovery against the cutoff and
 * picks the alert by the rules for the instrument's kind.
 * @throws ScoringInputError INVALID_DATE when an occurredAt cannot be parsed
 */
export function analyseSeries(
  def: InstrumentDefinition,
  points: readonly SeriesPoint[],
  options: SeriesOptions = {},
): SeriesAnalysis {
  const rules = options.rules ?? resolveRules(def);
  const ordered = orderByTime(points);
  const analysed = ordered.map((point, index) => ({
    occurredAt: point.occurredAt,
    total: point.total,
    normalized: normalise(def, point.total),
    session: point.session ?? index + 1,
  }));
  const first = analysed[0] ?? null;
  const latest = analysed.at(-1) ?? null;
  const twoOrMore = first !== null && latest !== null && analysed.length >= 2;
  const change = twoOrMore ? directedChange(first.total, latest.total, rules.direction) : null;
  const classification = classifyChange(change, rules.reliableChange);
  const cutoff = ageBandCutoff(rules, options.ageAtStart);
  const recovered =
    twoOrMore && isRecovered(classification, first.total, latest.total, cutoff, rules.direction);
  const { alert, alertReasons } = pickAlert(rules, classification, ordered, latest?.session ?? 0);
  return {
    points: analysed,
    first: first?.total ?? null,
    latest: latest?.total ?? null,
    change,
    normalizedChange: twoOrMore ? latest.normalized - first.normalized : null,
    classification,
    recovered,
    alert,
    alertReasons,
    cutoff,
  };
}

function pickAlert(
  rules: ScoringRules,
  classification: Classification,
  ordered: readonly SeriesPoint[],
  latestSession: number,
): Alert {
  if (rules.alliance) return allianceAlert(ordered, rules.alliance);
  if (rules.outcome) return outcomeAlert(classification, latestSession, rules.outcome);
  return progressAlert(classification);
}

/** Stable sort by parsed time, so "2024-01-01T10:00+01:00" and "…09:00Z" compare as the same instant. */
function orderByTime(points: readonly SeriesPoint[]): readonly SeriesPoint[] {
  const times = points.map((point) => {
    const time = Date.parse(point.occurredAt);
    if (Number.isNaN(time)) {
      throw new ScoringInputError('INVALID_DATE', `occurredAt "${point.occurredAt}" is not an ISO 8601 date`);
    }
    return time;
  });
  // Series usually arrive in time order (the database sorts them): then there is nothing to move.
  let ordered = true;
  for (let i = 1; i < times.length && ordered; i++)
    ordered = (times[i - 1] as number) <= (times[i] as number);
  if (ordered) return points;
  return points
    .map((point, index) => ({ point, time: times[index] as number }))
    .sort((a, b) => a.time - b.time)
    .map(({ point }) => point);
}
