import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { consent } from '../db/schema/index.js';

/**
 * Departments whose records about the citizen the given department may see right now: itself,
 * plus every department covered by an active, unexpired, unrevoked consent towards it.
 */
export function departmentsVisibleTo(
  db: Db,
  municipalityId: string,
  citizenId: string,
  departmentId: string,
  now = new Date(),
): Set<string> {
  const rows = db
    .select({ from: consent.fromDepartmentId })
    .from(consent)
    .where(
      and(
        eq(consent.municipalityId, municipalityId),
        eq(consent.citizenId, citizenId),
        eq(consent.toDepartmentId, departmentId),
        isNull(consent.revokedAt),
        or(isNull(consent.validUntil), gt(consent.validUntil, now)),
      ),
    )
    .all();
  return new Set([departmentId, ...rows.map((r) => r.from)]);
}
