import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { authorizeCitizenRead } from '../access/policy.js';
import type { Db } from '../db/client.js';
import { type Consent, consent, department } from '../db/schema/index.js';
import { badInput, forbidden, notFound } from '../graphql/errors.js';

export interface NewConsent {
  citizenId: string;
  fromDepartmentId: string;
  toDepartmentId: string;
  purpose: string;
  validUntil?: Date | null | undefined;
}

/** Roles that record a consent the citizen gave: the case worker, or the citizen or parent. */
const grantingRoles = new Set(['PROFESSIONAL', 'COORDINATOR', 'CITIZEN', 'PARENT']);

export function grantConsent(db: Db, actor: Actor, input: NewConsent, now: Date): Consent {
  if (!grantingRoles.has(actor.role)) throw forbidden(`The ${actor.role} role cannot record consent.`);
  if (input.fromDepartmentId === input.toDepartmentId) {
    throw badInput('A consent links two different departments.', 'toDepartmentId');
  }
  const ids = [input.fromDepartmentId, input.toDepartmentId];
  const found = db
    .select({ id: department.id })
    .from(department)
    .where(and(eq(department.municipalityId, actor.municipalityId), inArray(department.id, ids)))
    .all();
  if (found.length !== 2) throw badInput('Unknown department.', 'fromDepartmentId');
  authorizeCitizenRead(db, actor, input.citizenId, 'grantConsent');
  return db.transaction((tx) => {
    const row = tx
      .insert(consent)
      .values({
        municipalityId: actor.municipalityId,
        ...input,
        validUntil: input.validUntil ?? null,
        grantedAt: now,
        grantedBy: actor.subject,
      })
      .returning()
      .get();
    recordAudit(tx, actor, { citizenId: input.citizenId, action: 'grantConsent', outcome: 'ALLOWED' }, now);
    return row;
  });
}

/** Revocation takes effect on the next request; revoking twice keeps the first time. */
export function revokeConsent(db: Db, actor: Actor, consentId: string, now: Date): Consent {
  const row = db
    .select()
    .from(consent)
    .where(and(eq(consent.id, consentId), eq(consent.municipalityId, actor.municipalityId)))
    .get();
  if (!row) throw notFound('Consent');
  if (!grantingRoles.has(actor.role)) throw forbidden(`The ${actor.role} role cannot revoke consent.`);
  authorizeCitizenRead(db, actor, row.citizenId, 'revokeConsent');
  if (row.revokedAt) return row;
  return db.transaction((tx) => {
    const updated = tx
      .update(consent)
      .set({ revokedAt: now })
      .where(eq(consent.id, consentId))
      .returning()
      .get();
    recordAudit(tx, actor, { citizenId: row.citizenId, action: 'revokeConsent', outcome: 'ALLOWED' }, now);
    if (!updated) throw notFound('Consent');
    return updated;
  });
}
