import { and, count, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { measurement } from '../../db/tables.js';
import type { MeasurementFacts } from '../progression.js';
import { among } from './id-list.js';

/**
 * The caseload's view of measurements, read set-based for a whole department at once (issue #19,
 * Scale). The scoring rules only look at a few points of a series: the first (classification,
 * age band, divergence's start), the previous (an alliance drop) and the latest (its session, its
 * items, divergence's end). So the database groups each series' live points (one pass over
 * `measurement_caseload_idx`, no sort) and answers only those ends: about three rows per series
 * instead of the citizen's whole history.
 */

/** Long id lists go in slices: SQLite and PostgreSQL both cap the parameters of one statement. */
const SLICE = 5000;

async function inSlices<T>(ids: readonly string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...(await read(ids.slice(i, i + SLICE))));
  return out;
}

/** Not replaced by a correction. Corrections are few, so their list is read once per statement. */
const live = (id: SQL | typeof measurement.id) =>
  sql`${id} not in (select c.supersedes_id from measurement c where c.supersedes_id is not null)`;

/** A point the scoring rules read, its session resolved as `analyseSeries` would over the whole series. */
export type SeriesPointRow = MeasurementFacts & { citizenId: string };

/**
 * The first, previous and latest live measurement of every series (citizen × instrument ×
 * respondent × department) of the citizens, recorded by `departmentIds` (null: any), each series
 * in time order (ties by id). A point without a stored session gets its 1-based place among the
 * series' live points, so the scoring rules say of these three what they say of the whole series.
 */
export async function seriesEndsOf(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
  departmentIds: readonly string[] | null,
): Promise<SeriesPointRow[]> {
  if (db.$dialect === 'postgres')
    return pickEnds(await numberedEndsOf(db, municipalityId, ids, departmentIds));
  const rows = await inSlices(ids, (slice) => {
    const ends = db.$with('series_ends').as(
      db
        .select({
          municipalityId: measurement.municipalityId,
          departmentId: measurement.departmentId,
          citizenId: measurement.citizenId,
          instrumentKey: measurement.instrumentKey,
          respondentRole: measurement.respondentRole,
          points: count().as('points'),
          firstAt: sql<number>`min(${measurement.occurredAt})`.as('first_at'),
          lastAt: sql<number>`max(${measurement.occurredAt})`.as('last_at'),
        })
        .from(measurement)
        .where(
          and(
            eq(measurement.municipalityId, municipalityId),
            departmentIds ? inArray(measurement.departmentId, [...departmentIds]) : undefined,
            among(db, measurement.citizenId, slice),
            live(measurement.id),
          ),
        )
        .groupBy(
          measurement.municipalityId,
          measurement.departmentId,
          measurement.citizenId,
          measurement.instrumentKey,
          measurement.respondentRole,
        ),
    );
    // The join names no constant of `measurement`, so SQLite drives it from the few series rows
    // and seeks each end through the index, instead of scanning the municipality's measurements.
    const previousAt = sql`(select max(p.occurred_at) from measurement p
      where p.municipality_id = ${ends.municipalityId} and p.department_id = ${ends.departmentId}
        and p.citizen_id = ${ends.citizenId} and p.instrument_key = ${ends.instrumentKey}
        and p.respondent_role = ${ends.respondentRole} and p.occurred_at < ${ends.lastAt}
        and ${live(sql`p.id`)})`;
    return db
      .with(ends)
      .select({
        id: measurement.id,
        citizenId: measurement.citizenId,
        instrumentKey: measurement.instrumentKey,
        respondentRole: measurement.respondentRole,
        departmentId: measurement.departmentId,
        occurredAt: measurement.occurredAt,
        total: measurement.total,
        itemValues: measurement.itemValues,
        session: measurement.session,
        points: ends.points,
      })
      .from(ends)
      .innerJoin(
        measurement,
        and(
          eq(measurement.municipalityId, ends.municipalityId),
          eq(measurement.departmentId, ends.departmentId),
          eq(measurement.citizenId, ends.citizenId),
          eq(measurement.instrumentKey, ends.instrumentKey),
          eq(measurement.respondentRole, ends.respondentRole),
          sql`${measurement.occurredAt} in (${ends.firstAt}, ${ends.lastAt}, ${previousAt})`,
          live(measurement.id),
        ),
      );
  });
  return pickEnds(rows);
}

/**
 * PostgreSQL's form of the same read: it plans the grouped join above as a hash join over the
 * whole municipality's measurements (EXPLAIN ANALYZE on the bench data: ~460 ms), while a window
 * over the department's range of `measurement_caseload_idx` is one ordered index-only pass. SQLite is the other
 * way round: its window functions buffer every partition, the grouped form streams.
 */
async function numberedEndsOf(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
  departmentIds: readonly string[] | null,
): Promise<EndRow[]> {
  return inSlices(ids, (slice) => {
    const partition = sql`partition by ${measurement.departmentId}, ${measurement.citizenId}, ${measurement.instrumentKey}, ${measurement.respondentRole}`;
    const numbered = db.$with('numbered').as(
      db
        .select({
          id: measurement.id,
          citizenId: measurement.citizenId,
          instrumentKey: measurement.instrumentKey,
          respondentRole: measurement.respondentRole,
          departmentId: measurement.departmentId,
          occurredAt: measurement.occurredAt,
          total: measurement.total,
          session: measurement.session,
          place:
            sql<number>`row_number() over (${partition} order by ${measurement.occurredAt}, ${measurement.id})`.as(
              'place',
            ),
          points: sql<number>`count(*) over (${partition})`.as('points'),
        })
        .from(measurement)
        .where(
          and(
            eq(measurement.municipalityId, municipalityId),
            departmentIds ? inArray(measurement.departmentId, [...departmentIds]) : undefined,
            among(db, measurement.citizenId, slice),
            live(measurement.id),
          ),
        ),
    );
    return (
      db
        .with(numbered)
        .select({
          id: numbered.id,
          citizenId: numbered.citizenId,
          instrumentKey: numbered.instrumentKey,
          respondentRole: numbered.respondentRole,
          departmentId: numbered.departmentId,
          occurredAt: numbered.occurredAt,
          total: numbered.total,
          itemValues: measurement.itemValues,
          session: numbered.session,
          points: numbered.points,
        })
        .from(numbered)
        // Only the end rows' items come from the table; the window reads the index alone.
        .innerJoin(measurement, eq(measurement.id, numbered.id))
        .where(sql`${numbered.place} = 1 or ${numbered.place} >= ${numbered.points} - 1`)
    );
  });
}

type EndRow = Omit<SeriesPointRow, 'supersedesId'> & { points: number | string };

/**
 * From the rows at a series' first, previous and latest instant (ties bring more than one), the
 * first, previous and latest point in (time, id) order, with their places resolved.
 */
function pickEnds(rows: readonly EndRow[]): SeriesPointRow[] {
  const bySeries = new Map<string, EndRow[]>();
  for (const r of rows) {
    const key = `${r.citizenId}|${r.instrumentKey}|${r.respondentRole}|${r.departmentId}`;
    const list = bySeries.get(key);
    if (list) list.push(r);
    else bySeries.set(key, [r]);
  }
  const out: SeriesPointRow[] = [];
  for (const list of bySeries.values()) {
    list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1));
    const points = Number(list[0]?.points ?? 0);
    const first = list[0];
    const latest = list.at(-1);
    if (!first || !latest) continue;
    const previous = points >= 3 ? list.at(-2) : undefined;
    const picked: [EndRow, number][] = [[first, 1]];
    if (previous && previous !== first) picked.push([previous, points - 1]);
    if (latest !== first) picked.push([latest, points]);
    for (const [r, place] of picked) {
      out.push({
        id: r.id,
        citizenId: r.citizenId,
        supersedesId: null,
        instrumentKey: r.instrumentKey,
        respondentRole: r.respondentRole,
        departmentId: r.departmentId,
        occurredAt: r.occurredAt,
        total: r.total,
        itemValues: r.itemValues,
        session: r.session ?? place,
      });
    }
  }
  return out;
}

/** Per citizen and department: the newest measurement (corrected ones too), and whether `subject` recorded any. */
export interface MeasuredRow {
  citizenId: string;
  departmentId: string;
  lastAt: Date;
  mine: boolean;
}

/** One grouped read, covered by `measurement_caseload_idx`: when each department last measured each citizen, and by whom. */
export async function lastMeasuredOf(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
  departmentIds: readonly string[] | null,
  subject: string,
): Promise<MeasuredRow[]> {
  const rows = await inSlices(ids, (slice) =>
    db
      .select({
        citizenId: measurement.citizenId,
        departmentId: measurement.departmentId,
        lastAt: max(measurement.occurredAt),
        mine: sql<number>`max(case when ${measurement.recordedBy} = ${subject} then 1 else 0 end)`,
      })
      .from(measurement)
      .where(
        and(
          eq(measurement.municipalityId, municipalityId),
          departmentIds ? inArray(measurement.departmentId, [...departmentIds]) : undefined,
          among(db, measurement.citizenId, slice),
        ),
      )
      .groupBy(measurement.municipalityId, measurement.departmentId, measurement.citizenId),
  );
  return rows.map((r) => ({
    citizenId: r.citizenId,
    departmentId: r.departmentId,
    lastAt: r.lastAt instanceof Date ? r.lastAt : new Date(Number(r.lastAt)),
    mine: Number(r.mine) === 1,
  }));
}
