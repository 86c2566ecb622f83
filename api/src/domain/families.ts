import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudits } from '../access/audit.js';
import { assertAdministrator } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Custody, FamilyMemberRole } from '../db/schema/index.js';
import { citizen, family, familyMember, plan } from '../db/tables.js';
import { insertCitizen } from './citizens.js';
import type { CprKeyring, CprNumber } from './cpr.js';
import { badInput, conflict, forbidden, notFound } from './errors.js';
import { citizenByCprHash } from './registration.js';

/**
 * Families as the administrator sets them up: members by an existing citizen's id or as a person
 * registered on the spot (by CPR number when given, reaching the one record of that person).
 * Every member's inclusion is audited.
 */

export type FamilyPerson =
  | { citizenId: string }
  | { displayName: string; birthYear?: number | null | undefined; cpr?: CprNumber | null | undefined };

export interface NewFamilyMember {
  person: FamilyPerson;
  role: FamilyMemberRole;
  /** Noted for a parent where the parents live apart. */
  custody?: Custody | null | undefined;
}

export interface FamilyRecord {
  id: string;
  name: string;
}

export async function createFamily(
  db: Db,
  actor: Actor,
  keyring: CprKeyring | null,
  input: { name: string; members: NewFamilyMember[] },
  now: Date,
): Promise<FamilyRecord> {
  assertAdministrator(actor);
  // A family's plan is agreed with its parents: a family without one cannot be set up.
  if (!input.members.some((m) => m.role === 'PARENT')) {
    throw badInput('A family needs at least one PARENT.', 'members');
  }
  await assertKnownCitizens(db, actor, input.members);
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .insert(family)
        .values({ municipalityId: actor.municipalityId, name: input.name, createdAt: now })
        .returning({ id: family.id, name: family.name }),
    );
    await addMembers(tx, actor, keyring, row.id, input.members, now);
    return row;
  });
}

export async function addFamilyMember(
  db: Db,
  actor: Actor,
  keyring: CprKeyring | null,
  input: { familyId: string } & NewFamilyMember,
  now: Date,
): Promise<FamilyRecord> {
  assertAdministrator(actor);
  const row = (
    await db
      .select({ id: family.id, name: family.name })
      .from(family)
      .where(and(eq(family.id, input.familyId), eq(family.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw notFound('Family');
  await assertKnownCitizens(db, actor, [input]);
  await db.transaction((tx) => addMembers(tx, actor, keyring, row.id, [input], now));
  return row;
}

async function addMembers(
  tx: Db,
  actor: Actor,
  keyring: CprKeyring | null,
  familyId: string,
  members: readonly NewFamilyMember[],
  now: Date,
): Promise<void> {
  const rows: { familyId: string; citizenId: string; role: FamilyMemberRole; custody: Custody | null }[] = [];
  for (const [i, m] of members.entries()) {
    const citizenId = await personId(tx, actor, keyring, m.person, i, now);
    if (rows.some((r) => r.citizenId === citizenId))
      throw badInput('A person is listed twice.', `members.${i}`);
    rows.push({ familyId, citizenId, role: m.role, custody: m.custody ?? null });
  }
  const already = await tx
    .select({ c: familyMember.citizenId })
    .from(familyMember)
    .where(
      and(
        eq(familyMember.familyId, familyId),
        inArray(
          familyMember.citizenId,
          rows.map((r) => r.citizenId),
        ),
      ),
    );
  if (already.length) throw conflict('The person is already a member of the family.', { field: 'members' });
  await tx.insert(familyMember).values(rows);
  await recordAudits(
    tx,
    actor,
    rows.map((r) => ({ citizenId: r.citizenId, action: 'addFamilyMember', outcome: 'ALLOWED' as const })),
    now,
  );
}

/** The member's citizen: the one given, the one the CPR number reaches, or a new registration. */
async function personId(
  tx: Db,
  actor: Actor,
  keyring: CprKeyring | null,
  person: FamilyPerson,
  index: number,
  now: Date,
): Promise<string> {
  if ('citizenId' in person) return person.citizenId;
  const field = `members.${index}`;
  const { cpr } = person;
  if (cpr && !keyring) throw forbidden('Registration by CPR number is not configured on this server.');
  const birthYear = person.birthYear ?? cpr?.birthYear;
  if (birthYear === undefined)
    throw badInput('birthYear is required without a CPR number.', `${field}.birthYear`);
  if (cpr && birthYear !== cpr.birthYear) {
    throw badInput('birthYear does not agree with the CPR number.', `${field}.birthYear`);
  }
  const cprHash = cpr && keyring ? keyring.hash(actor.municipalityId, cpr) : null;
  const known = cprHash ? await citizenByCprHash(tx, actor.municipalityId, cprHash) : undefined;
  if (known) return known.id;
  return (await insertCitizen(tx, actor, { displayName: person.displayName, birthYear }, cprHash, now)).id;
}

async function assertKnownCitizens(db: Db, actor: Actor, members: readonly NewFamilyMember[]): Promise<void> {
  for (const [i, m] of members.entries()) {
    if (!('citizenId' in m.person)) continue;
    const found = (
      await db
        .select({ id: citizen.id })
        .from(citizen)
        .where(
          and(
            eq(citizen.id, m.person.citizenId),
            eq(citizen.municipalityId, actor.municipalityId),
            isNull(citizen.mergedIntoId),
          ),
        )
    )[0];
    if (!found) throw badInput('Unknown citizen.', `members.${i}.citizenId`);
  }
}

export interface FamilyListing extends FamilyRecord {
  members: { citizenId: string; displayName: string; role: FamilyMemberRole; custody: Custody | null }[];
  activePlanId: string | null;
}

/** The municipality's families for the administrator; each member listed is audited as read. */
export async function listFamilies(
  db: Db,
  actor: Actor,
  familyId: string | null = null,
): Promise<FamilyListing[]> {
  assertAdministrator(actor);
  const inTenant = eq(family.municipalityId, actor.municipalityId);
  const families = await db
    .select({ id: family.id, name: family.name })
    .from(family)
    .where(familyId ? and(inTenant, eq(family.id, familyId)) : inTenant)
    .orderBy(asc(family.name));
  if (families.length === 0) return [];
  const ids = families.map((f) => f.id);
  const members = await db
    .select({
      familyId: familyMember.familyId,
      citizenId: familyMember.citizenId,
      displayName: citizen.displayName,
      role: familyMember.role,
      custody: familyMember.custody,
    })
    .from(familyMember)
    .innerJoin(citizen, eq(citizen.id, familyMember.citizenId))
    .where(inArray(familyMember.familyId, ids))
    .orderBy(asc(citizen.displayName));
  const plans = await db
    .select({ id: plan.id, familyId: plan.familyId })
    .from(plan)
    .where(and(inArray(plan.familyId, ids), isNull(plan.closedAt)));
  await recordAudits(
    db,
    actor,
    members.map((m) => ({ citizenId: m.citizenId, action: 'families', outcome: 'ALLOWED' as const })),
  );
  return families.map((f) => ({
    ...f,
    members: members.filter((m) => m.familyId === f.id).map(({ familyId: _, ...m }) => m),
    activePlanId: plans.find((p) => p.familyId === f.id)?.id ?? null,
  }));
}

/** The family members of each plan, with their roles: none for a citizen's own plan. */
export const familyMembersOfPlans = (
  db: Db,
  planIds: readonly string[],
): Promise<{ planId: string; citizenId: string; role: FamilyMemberRole }[]> =>
  db
    .select({ planId: plan.id, citizenId: familyMember.citizenId, role: familyMember.role })
    .from(plan)
    .innerJoin(familyMember, eq(familyMember.familyId, plan.familyId))
    .where(inArray(plan.id, [...planIds]));
