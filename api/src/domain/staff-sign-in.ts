import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import type { Db } from '../db/client.js';
import { department, professional } from '../db/tables.js';

/**
 * The staff directory fills itself (docs/setup.md, step 4): the first time a professional or
 * coordinator signs in with a token that carries their name, a record is created in the token's
 * department, titled by nobody yet (the administrator edits it). An existing record of the
 * subject is left as it is. A token without a name, or naming a retired or unknown department,
 * creates nothing: the directory is never filled with bare subjects.
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
