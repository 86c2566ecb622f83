import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import {
  assertMayChangeConsents,
  authorizeCitizenRead,
  authorizeConsentChange,
  consentVisible,
} from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Consent } from '../db/schema/index.js';
import { consent, department } from '../db/tables.js';
import { badInput, notFound } from './errors.js';

export interface NewConsent {
  citizenId: string;
  fromDepartmentId: string;
  toDepartmentId: string;
  purpose: string;
  validUntil?: Date | null | undefined;
}

export async function grantConsent(db: Db, actor: Actor, input: NewConsent, now: Date): Promise<Consent> {
  assertMayChangeConsents(actor);
  if (input.fromDepartmentId === input.toDepartmentId) {
    throw badInput('A consent links two different departments.', 'toDepartmentId');
  }
  const ids = [input.fromDepartmentId, input.toDepartmentId];
  const found = await db
    .select({ id: department.id })
    .from(department)
    .where(and(eq(department.municipalityId, actor.municipalityId), inArray(department.id, ids)));
  if (found.length !== 2) throw badInput('Unknown department.', 'fromDepartmentId');
  await authorizeConsentChange(db, actor, input, 'grantConsent');
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .insert(consent)
        .values({
          municipalityId: actor.municipalityId,
          ...input,
          validUntil: input.validUntil ?? null,
          grantedAt: now,
          grantedBy: actor.subject,
        })
        .returning(),
    );
    await recordAudit(
      tx,
      actor,
      { citizenId: input.citizenId, action: 'grantConsent', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/** Revocation takes effect on the next request; revoking twice keeps the first time. */
export async function revokeConsent(db: Db, actor: Actor, consentId: string, now: Date): Promise<Consent> {
  assertMayChangeConsents(actor);
  const row = (
    await db
      .select()
      .from(consent)
      .where(and(eq(consent.id, consentId), eq(consent.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw notFound('Consent');
  await authorizeConsentChange(db, actor, row, 'revokeConsent');
  if (row.revokedAt) return row;
  return db.transaction(async (tx) => {
    const updated = (
      await tx
        .update(consent)
        .set({ revokedAt: now })
        // Only the first revocation counts, even when two arrive at once.
        .where(and(eq(consent.id, consentId), isNull(consent.revokedAt)))
        .returning()
    )[0];
    if (!updated) return single(await tx.select().from(consent).where(eq(consent.id, consentId)));
    await recordAudit(
      tx,
      actor,
      { citizenId: row.citizenId, action: 'revokeConsent', outcome: 'ALLOWED' },
      now,
    );
    return updated;
  });
}

/** The citizen's consents the actor may see, newest first (a professional: those their department is an end of). */
export async function consentsOf(db: Db, actor: Actor, citizenId: string): Promise<Consent[]> {
  const scope = await authorizeCitizenRead(db, actor, citizenId, 'citizenConsents');
  return (
    await db
      .select()
      .from(consent)
      .where(and(eq(consent.municipalityId, actor.municipalityId), eq(consent.citizenId, citizenId)))
      .orderBy(desc(consent.grantedAt))
  ).filter((c) => consentVisible(actor, scope, c));
}
