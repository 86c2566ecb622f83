import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Consent } from '../db/schema/index.js';
import { consent } from '../db/tables.js';

export type ConsentStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** A consent's state at `now`: revocation wins over expiry. */
export function consentStatus(c: Consent, now = new Date()): ConsentStatus {
  if (c.revokedAt) return 'REVOKED';
  if (c.validUntil && c.validUntil.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * Every active consent of the municipality towards any of `departmentIds`, for all citizens at
 * once: the caseload's set-based reach (policy.caseloadReach).
 */
export async function activeConsentsTowards(
  db: Db,
  municipalityId: string,
  departmentIds: readonly string[],
  now: Date,
): Promise<{ citizenId: string; fromDepartmentId: string }[]> {
  if (departmentIds.length === 0) return [];
  return await db
    .select({ citizenId: consent.citizenId, fromDepartmentId: consent.fromDepartmentId })
    .from(consent)
    .where(
      and(
        eq(consent.municipalityId, municipalityId),
        inArray(consent.toDepartmentId, [...departmentIds]),
        isNull(consent.revokedAt),
        or(isNull(consent.validUntil), gt(consent.validUntil, now)),
      ),
    );
}
