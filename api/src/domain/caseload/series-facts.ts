import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { flatRows } from '../../db/flat-rows.js';
import { measurement, measurementSeriesEnd } from '../../db/tables.js';
import type { MeasurementFacts } from '../progression.js';
import { among, inSlices } from './id-list.js';

/**
 * The caseload's view of measurements, read set-based for a whole department at once (issue #19,
 * Scale). The scoring rules only look at a few points of a series: the first (classification,
 * age band, divergence's start), the previous (an alliance drop) and the latest (its session, its
 * items, divergence's end). Triggers keep exactly those ends in `measurement_series_end`, so a
 * caseload reads about three rows per series instead of the citizen's whole history.
 */

/** A point the scoring rules read, its session resolved as `analyseSeries` would over the whole series. */
export type SeriesPointRow = MeasurementFacts & { citizenId: string };

/**
 * The first, previous and latest live measurement of every series (citizen × instrument ×
 * respondent × department) of the citizens, recorded by `departmentIds` (null: any). Read from
 * `measurement_series_end`, which triggers derive on every write (docs/caseload.md, "Series
 * ends"): one range scan per department, no grouping of the department's measurements per request. A point
 * without a stored session gets its 1-based place among the series' live points, so the scoring
 * rules say of these three what they say of the whole series.
 */
export async function seriesEndsOf(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
  departmentIds: readonly string[] | null,
): Promise<SeriesPointRow[]> {
  const fields = {
    id: measurementSeriesEnd.measurementId,
    citizenId: measurementSeriesEnd.citizenId,
    instrumentKey: measurementSeriesEnd.instrumentKey,
    respondentRole: measurementSeriesEnd.respondentRole,
    departmentId: measurementSeriesEnd.departmentId,
    occurredAt: measurementSeriesEnd.occurredAt,
    total: measurementSeriesEnd.total,
    itemValues: measurementSeriesEnd.itemValues,
    session: measurementSeriesEnd.session,
    place: measurementSeriesEnd.place,
  };
  const rows = await inSlices(ids, (slice) =>
    flatRows(
      db,
      fields,
      db
        .select(fields)
        .from(measurementSeriesEnd)
        .where(
          and(
            eq(measurementSeriesEnd.municipalityId, municipalityId),
            among(db, measurementSeriesEnd.citizenId, slice),
            departmentIds ? inArray(measurementSeriesEnd.departmentId, [...departmentIds]) : undefined,
          ),
        )
        // Series in key order (the table's: department first), each in time order, as the
        // scoring rules read a series; no sort step.
        .orderBy(
          measurementSeriesEnd.departmentId,
          measurementSeriesEnd.citizenId,
          measurementSeriesEnd.instrumentKey,
          measurementSeriesEnd.respondentRole,
          measurementSeriesEnd.place,
        ),
    ),
  );
  return rows.map(({ place, ...r }) => ({
    ...r,
    respondentRole: r.respondentRole as SeriesPointRow['respondentRole'],
    supersedesId: null,
    session: r.session ?? place,
  }));
}

/**
 * The citizens among `ids` that `subject` has measured in `departmentIds` (null: any), corrected
 * measurements too: the caseload's "my own" scope. One read over `measurement_caseload_idx`.
 */
export async function measuredBy(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
  departmentIds: readonly string[] | null,
  subject: string,
): Promise<Set<string>> {
  const rows = await inSlices(ids, (slice) =>
    db
      .selectDistinct({ citizenId: measurement.citizenId })
      .from(measurement)
      .where(
        and(
          eq(measurement.municipalityId, municipalityId),
          departmentIds ? inArray(measurement.departmentId, [...departmentIds]) : undefined,
          among(db, measurement.citizenId, slice),
          eq(measurement.recordedBy, subject),
        ),
      ),
  );
  return new Set(rows.map((r) => r.citizenId));
}
