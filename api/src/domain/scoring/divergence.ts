import type { Classification } from './classification.js';
import { ScoringInputError } from './errors.js';

/** One department's series for a citizen, reduced to what divergence needs. */
export interface DepartmentSeries {
  departmentId: string;
  classification: Classification;
  /** ISO 8601 time of the series' first measurement. */
  start: string;
  /** ISO 8601 time of the series' latest measurement. */
  end: string;
}

/**
 * DIVERGENT (docs/design.md §4): in overlapping periods (closed intervals, so touching ends count),
 * one department's measure reliably improves while another department's reliably deteriorates.
 * Two series of the same department never diverge with each other.
 * @throws ScoringInputError INVALID_DATE when a start or end cannot be parsed
 */
export function detectDivergence(series: readonly DepartmentSeries[]): boolean {
  const timed = series.map((s) => ({ ...s, from: parseTime(s.start), to: parseTime(s.end) }));
  const improved = timed.filter((s) => s.classification === 'IMPROVED');
  const deteriorated = timed.filter((s) => s.classification === 'DETERIORATED');
  return improved.some((up) =>
    deteriorated.some(
      (down) =>
        up.departmentId !== down.departmentId &&
        Math.min(up.from, up.to) <= Math.max(down.from, down.to) &&
        Math.min(down.from, down.to) <= Math.max(up.from, up.to),
    ),
  );
}

function parseTime(iso: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new ScoringInputError('INVALID_DATE', `"${iso}" is not an ISO 8601 date`);
  return time;
}
