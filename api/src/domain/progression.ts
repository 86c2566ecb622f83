import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { authorizeCitizenRead, scopeAllows } from '../access/policy.js';
import type { Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import type { Department, Measurement } from '../db/schema/index.js';
import { citizen, department, measurement } from '../db/tables.js';
import { copenhagenYear } from './calendar.js';
import type { InstrumentCatalog } from './instrument-catalog.js';
import type { InstrumentDefinition } from './instruments/index.js';
import { analyseSeries, detectDivergence, type SeriesAnalysis } from './scoring/index.js';

export interface CitizenSeries {
  instrumentKey: string;
  respondentRole: string;
  department: Department;
  definition: InstrumentDefinition;
  analysis: SeriesAnalysis;
}

export interface CitizenProgression {
  divergent: boolean;
  series: CitizenSeries[];
}

/**
 * Every series (instrument × respondent role × department) of one citizen that the actor may
 * see, classified by the shared scoring rules. Superseded measurements are left out.
 */
export async function citizenProgression(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  citizenId: string,
): Promise<CitizenProgression> {
  const scope = await authorizeCitizenRead(db, actor, citizenId, 'citizenProgression');
  // Both built once per handle (db/prepared.ts): they run on every opening of a citizen's page.
  const birthYearOf = prepared(db, 'citizen-birth-year', (on) =>
    on
      .select({ birthYear: citizen.birthYear })
      .from(citizen)
      .where(eq(citizen.id, sql.placeholder('citizenId')))
      .prepare(),
  );
  const measurementsOf = prepared(db, 'citizen-measurements', (on) =>
    on
      .select()
      .from(measurement)
      .where(
        and(
          eq(measurement.municipalityId, sql.placeholder('municipalityId')),
          eq(measurement.citizenId, sql.placeholder('citizenId')),
        ),
      )
      .orderBy(asc(measurement.occurredAt))
      .prepare(),
  );
  const person = (await birthYearOf.execute({ citizenId }))[0];
  const rows = (await measurementsOf.execute({ municipalityId: actor.municipalityId, citizenId })).filter(
    (m) => scopeAllows(scope, m.departmentId),
  );
  const departmentIds = [...new Set(rows.map((m) => m.departmentId))];
  const departments = new Map(
    (departmentIds.length
      ? await db.select().from(department).where(inArray(department.id, departmentIds))
      : []
    ).map((d) => [d.id, d]),
  );
  const analysed = analyseMeasurements(
    rows,
    (key) => catalog.get(actor.municipalityId, key),
    person?.birthYear ?? null,
  );
  const series: CitizenSeries[] = [];
  for (const s of analysed.series) {
    const dept = departments.get(s.departmentId);
    if (dept) series.push({ ...s, department: dept });
  }
  return { divergent: analysed.divergent, series };
}

/** The columns of a measurement the series analysis reads. */
export type MeasurementFacts = Pick<
  Measurement,
  | 'id'
  | 'supersedesId'
  | 'instrumentKey'
  | 'respondentRole'
  | 'departmentId'
  | 'occurredAt'
  | 'total'
  | 'itemValues'
  | 'session'
>;

/** One analysed series, before its department is looked up. */
export interface AnalysedSeries {
  instrumentKey: string;
  respondentRole: string;
  departmentId: string;
  definition: InstrumentDefinition;
  analysis: SeriesAnalysis;
}

/**
 * One citizen's measurements (those the caller may see) grouped into series (instrument ×
 * respondent role × department) and classified by the shared scoring rules, with divergence
 * across departments. Superseded measurements are left out. Shared by a citizen's progression
 * and the caseload, so both say the same about the same data.
 */
export function analyseMeasurements(
  rows: readonly MeasurementFacts[],
  definitionOf: (instrumentKey: string) => InstrumentDefinition | undefined,
  birthYear: number | null,
): { divergent: boolean; series: AnalysedSeries[] } {
  const superseded = new Set<string>();
  for (const m of rows) if (m.supersedesId !== null) superseded.add(m.supersedesId);
  const groups = new Map<string, MeasurementFacts[]>();
  for (const m of rows) {
    if (superseded.size > 0 && superseded.has(m.id)) continue;
    const key = `${m.instrumentKey}|${m.respondentRole}|${m.departmentId}`;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const series: AnalysedSeries[] = [];
  for (const points of groups.values()) {
    const first = points[0];
    if (!first) continue;
    const definition = definitionOf(first.instrumentKey);
    if (!definition) continue;
    const ageAtStart = birthYear !== null ? copenhagenYear(first.occurredAt) - birthYear : null;
    const analysis = analyseSeries(
      definition,
      points.map((m) => ({
        occurredAt: m.occurredAt.toISOString(),
        total: m.total,
        values: m.itemValues,
        session: m.session,
      })),
      { ageAtStart },
    );
    series.push({
      instrumentKey: first.instrumentKey,
      respondentRole: first.respondentRole,
      departmentId: first.departmentId,
      definition,
      analysis,
    });
  }
  const compared = series.filter(
    (s) =>
      s.definition.kind === 'OUTCOME' ||
      s.definition.kind === 'FUNCTION_LEVEL' ||
      s.definition.kind === 'GOAL',
  );
  // Divergence needs two series; most citizens in a caseload have fewer of these kinds.
  const divergent =
    compared.length > 1 &&
    detectDivergence(
      compared.map((s) => ({
        departmentId: s.departmentId,
        classification: s.analysis.classification,
        start: s.analysis.points[0]?.occurredAt ?? '',
        end: s.analysis.points.at(-1)?.occurredAt ?? '',
      })),
    );
  return { divergent, series };
}
