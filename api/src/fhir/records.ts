import { and, asc, eq, inArray } from 'drizzle-orm';
import { type DepartmentScope, scopeAllows } from '../access/policy.js';
import type { Db } from '../db/client.js';
import type { Citizen, Department, Measurement } from '../db/schema/index.js';
import { citizen, citizenExternalRef, department, family, familyMember, measurement } from '../db/tables.js';

/*
 * The reads an export needs, after the policy has opened the citizen or plan. Every query names
 * the municipality, so nothing crosses tenants.
 */

export interface CitizenRecord {
  citizen: Citizen;
  externalRefs: { system: string; value: string }[];
}

export async function loadCitizens(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
): Promise<CitizenRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(citizen)
    .where(and(eq(citizen.municipalityId, municipalityId), inArray(citizen.id, [...ids])));
  const refs = await db
    .select()
    .from(citizenExternalRef)
    .where(
      and(
        eq(citizenExternalRef.municipalityId, municipalityId),
        inArray(citizenExternalRef.citizenId, [...ids]),
      ),
    );
  return ids.flatMap((id) => {
    const row = rows.find((c) => c.id === id);
    if (!row) return [];
    const externalRefs = refs
      .filter((r) => r.citizenId === id)
      .map((r) => ({ system: r.system, value: r.value }));
    return [{ citizen: row, externalRefs }];
  });
}

/** A citizen's measurements in the departments the scope allows, superseded ones included. */
export async function loadMeasurements(
  db: Db,
  municipalityId: string,
  citizenId: string,
  scope: DepartmentScope,
): Promise<Measurement[]> {
  const rows = await db
    .select()
    .from(measurement)
    .where(and(eq(measurement.municipalityId, municipalityId), eq(measurement.citizenId, citizenId)))
    .orderBy(asc(measurement.occurredAt), asc(measurement.recordedAt));
  return rows.filter((m) => scopeAllows(scope, m.departmentId));
}

export async function loadDepartments(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
): Promise<Department[]> {
  if (ids.length === 0) return [];
  return await db
    .select()
    .from(department)
    .where(and(eq(department.municipalityId, municipalityId), inArray(department.id, [...ids])))
    .orderBy(asc(department.kind), asc(department.name));
}

export interface FamilyRecord {
  id: string;
  name: string;
  memberIds: string[];
}

export async function loadFamily(
  db: Db,
  municipalityId: string,
  familyId: string,
): Promise<FamilyRecord | undefined> {
  const [row] = await db
    .select()
    .from(family)
    .where(and(eq(family.id, familyId), eq(family.municipalityId, municipalityId)))
    .limit(1);
  if (!row) return undefined;
  const members = await db
    .select({ citizenId: familyMember.citizenId })
    .from(familyMember)
    .where(eq(familyMember.familyId, familyId));
  return { id: row.id, name: row.name, memberIds: members.map((m) => m.citizenId) };
}
