import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { authorizeCitizenRead, scopeAllows } from '../access/policy.js';
import type { Db } from '../db/client.js';
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
  const person = (
    await db.select({ birthYear: citizen.birthYear }).from(citizen).where(eq(citizen.id, citizenId))
  )[0];
  const rows = (
    await db
      .select()
      .from(measurement)
      .where(and(eq(measurement.municipalityId, actor.municipalityId), eq(measurement.citizenId, citizenId)))
      .orderBy(asc(measurement.occurredAt))
  ).filter((m) => scopeAllows(scope, m.departmentId));
  const superseded = new Set(rows.map((m) => m.supersedesId).filter((id): id is string => id !== null));
  const groups = new Map<string, Measurement[]>();
  for (const m of rows) {
    if (superseded.has(m.id)) continue;
    const key = `${m.instrumentKey}|${m.respondentRole}|${m.departmentId}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const departmentIds = [...new Set(rows.map((m) => m.departmentId))];
  const departments = new Map(
    (departmentIds.length
      ? await db.select().from(department).where(inArray(department.id, departmentIds))
      : []
    ).map((d) => [d.id, d]),
  );
  const series: CitizenSeries[] = [];
  for (const points of groups.values()) {
    const first = points[0];
    if (!first) continue;
    const definition = catalog.get(actor.municipalityId, first.instrumentKey);
    const dept = departments.get(first.departmentId);
    if (!definition || !dept) continue;
    const ageAtStart = person ? copenhagenYear(first.occurredAt) - person.birthYear : null;
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
      department: dept,
      definition,
      analysis,
    });
  }
  const divergent = detectDivergence(
    series
      .filter(
        (s) =>
          s.definition.kind === 'OUTCOME' ||
          s.definition.kind === 'FUNCTION_LEVEL' ||
          s.definition.kind === 'GOAL',
      )
      .map((s) => ({
        departmentId: s.department.id,
        classification: s.analysis.classification,
        start: s.analysis.points[0]?.occurredAt ?? '',
        end: s.analysis.points.at(-1)?.occurredAt ?? '',
      })),
  );
  return { divergent, series };
}
