import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Plan } from '../db/schema/index.js';
import { familyMember } from '../db/tables.js';

/**
 * The citizens a plan is about: its citizen, or the members of its family (parents first). The
 * policy reaches a plan through them, so this sits in access, below the domain.
 */
export async function planMembers(db: Db, p: Plan): Promise<{ citizenId: string; role: string }[]> {
  if (p.citizenId) return [{ citizenId: p.citizenId, role: 'CITIZEN' }];
  if (!p.familyId) return [];
  const members = await db
    .select({ citizenId: familyMember.citizenId, role: familyMember.role })
    .from(familyMember)
    .where(eq(familyMember.familyId, p.familyId));
  return [...members].sort((a, b) => Number(b.role === 'PARENT') - Number(a.role === 'PARENT'));
}

/**
 * The citizen an audit event about a plan names: the plan's citizen, or a family plan's first
 * parent, so a family's plan work shows up in a citizen's audit trail.
 */
export async function planAuditCitizen(db: Db, p: Plan): Promise<string | null> {
  return (await planMembers(db, p))[0]?.citizenId ?? null;
}
