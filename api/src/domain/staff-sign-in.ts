import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import type { Db } from '../db/client.js';
import { department, professional } from '../db/tables.js';
import { staffWithEmail } from './staff.js';

/**
 * The staff directory fills itself (docs/setup.md, step 4): the first time a professional or
 * coordinator signs in with a token that carries their name, a record is created in the token's
 * department, titled by nobody yet (the administrator edits it). An existing record of the
 * subject is left as it is. A record the administrator entered with the same e-mail and nobody
 * has signed in to yet is taken over instead (its subject set): one person, one record. A token
 * without a name, or naming a retired or unknown department, creates nothing: the directory is
 * never filled with bare subjects.
 */
export function createStaffSignIn(db: Db): (actor: Actor, now: Date) => Promise<void> {
  // Subjects known to have a record: after the first request a sign-in costs no query.
  const known = new Set<string>();
  return async (actor, now) => {
    const key = `${actor.municipalityId}\u0000${actor.subject}`;
    if (known.has(key)) return;
    if (await ensureStaffRecord(db, actor, now)) known.add(key);
  };
}

/** True when the subject now has a record (found or created). */
async function ensureStaffRecord(db: Db, actor: Actor, now: Date): Promise<boolean> {
  if (
    (actor.role !== 'PROFESSIONAL' && actor.role !== 'COORDINATOR') ||
    !actor.profile ||
    !actor.departmentId
  ) {
    return false;
  }
  const existing = (
    await db
      .select({ id: professional.id })
      .from(professional)
      .where(
        and(eq(professional.municipalityId, actor.municipalityId), eq(professional.subject, actor.subject)),
      )
  )[0];
  if (existing) return true;
  const open = (
    await db
      .select({ id: department.id })
      .from(department)
      .where(
        and(
          eq(department.id, actor.departmentId),
          eq(department.municipalityId, actor.municipalityId),
          isNull(department.retiredAt),
        ),
      )
  )[0];
  if (!open) return false;
  const { name, email } = actor.profile;
  if (email && (await claimEnteredRecord(db, actor, email, now))) return true;
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(professional)
      .values({
        municipalityId: actor.municipalityId,
        departmentId: open.id,
        displayName: name,
        title: '',
        subject: actor.subject,
        email,
      })
      // Two first requests at once: the unique (municipality, subject) index keeps one record.
      .onConflictDoNothing()
      .returning({ id: professional.id });
    if (created.length > 0) {
      await recordAudit(tx, actor, { citizenId: null, action: 'staffFirstSignIn', outcome: 'ALLOWED' }, now);
    }
  });
  return true;
}

/**
 * Links the subject to the record an administrator entered for this e-mail, if nobody has signed
 * in to it yet. The record's department and title stay the administrator's. `subject is null` in
 * the update makes two first requests at once link it once.
 */
async function claimEnteredRecord(db: Db, actor: Actor, email: string, now: Date): Promise<boolean> {
  const entered = await staffWithEmail(db, actor.municipalityId, email);
  if (!entered || entered.subject !== null) return false;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(professional)
      .set({ subject: actor.subject })
      .where(and(eq(professional.id, entered.id), isNull(professional.subject)))
      .returning({ id: professional.id });
    if (claimed.length === 0) return false;
    await recordAudit(
      tx,
      actor,
      { citizenId: null, action: 'staffFirstSignIn', outcome: 'ALLOWED', detail: 'linked by e-mail' },
      now,
    );
    return true;
  });
}
