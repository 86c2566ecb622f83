import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { measurement } from '../../db/tables.js';
import type { InstrumentCatalog } from '../instrument-catalog.js';
import { analyseSeries } from '../scoring/index.js';
import { notSuperseded } from '../superseded.js';
import type { OutcomeVerdict } from './cells.js';

interface Series {
  citizenId: string;
  instrumentKey: string;
  points: { occurredAt: string; total: number }[];
}

/** Half-open instants a citizen's outcome is followed over (the baseline and first plan years). */
export interface OutcomeWindow {
  from: Date;
  until: Date;
}

/**
 * How each citizen's outcome moved within their window, for "share improved" beside cost
 * (docs/economy.md). Outcome instruments only (the session instrument rates sessions, not
 * lives); corrected measurements leave the series. Where a citizen has several series (two
 * departments, two respondents), the one with most points counts, as in the progression
 * statistics; a citizen without a series of two points has no verdict. The classification is
 * the scoring module's, so the numbers have one source of truth.
 */
export async function outcomeVerdicts(
  db: Db,
  catalog: InstrumentCatalog,
  municipalityId: string,
  windows: ReadonlyMap<string, OutcomeWindow>,
): Promise<Map<string, OutcomeVerdict>> {
  const outcomes = catalog.list(municipalityId).filter((d) => d.kind === 'OUTCOME');
  if (windows.size === 0 || outcomes.length === 0) return new Map();
  const rows = await db
    .select({
      citizenId: measurement.citizenId,
      instrumentKey: measurement.instrumentKey,
      departmentId: measurement.departmentId,
      respondentRole: measurement.respondentRole,
      occurredAt: measurement.occurredAt,
      total: measurement.total,
    })
    .from(measurement)
    .where(
      and(
        eq(measurement.municipalityId, municipalityId),
        inArray(
          measurement.instrumentKey,
          outcomes.map((d) => d.key),
        ),
        notSuperseded(measurement.id),
      ),
    );
  const series = new Map<string, Series>();
  for (const r of rows) {
    const window = windows.get(r.citizenId);
    if (!window || r.occurredAt < window.from || r.occurredAt >= window.until) continue;
    const key = `${r.citizenId}|${r.instrumentKey}|${r.departmentId}|${r.respondentRole}`;
    const s = series.get(key) ?? { citizenId: r.citizenId, instrumentKey: r.instrumentKey, points: [] };
    s.points.push({ occurredAt: r.occurredAt.toISOString(), total: r.total });
    series.set(key, s);
  }
  const longest = new Map<string, Series>();
  // Sorted by key, so ties between equally long series resolve the same way on every run.
  for (const [, s] of [...series.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const best = longest.get(s.citizenId);
    if (!best || s.points.length > best.points.length) longest.set(s.citizenId, s);
  }
  const verdicts = new Map<string, OutcomeVerdict>();
  for (const [citizenId, s] of longest) {
    const definition = catalog.get(municipalityId, s.instrumentKey);
    if (!definition || s.points.length < 2) continue;
    const { classification } = analyseSeries(definition, s.points);
    if (classification !== 'INSUFFICIENT_DATA') verdicts.set(citizenId, classification);
  }
  return verdicts;
}
