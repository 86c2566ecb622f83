import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit, recordAudits } from '../access/audit.js';
import { assertAdministrator } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import { citizen, citizenTargetGroup, familyMember, targetGroup } from '../db/tables.js';
import { badInput, conflict, notFound } from './errors.js';
import { isUniqueViolation } from './registration.js';

/** Target groups as the administrator keeps them: created, described, and assigned to people. */

export interface TargetGroupRecord {
  key: string;
  name: string;
  description: string;
}

const columns = { key: targetGroup.key, name: targetGroup.name, description: targetGroup.description };

export async function createTargetGroup(
  db: Db,
  actor: Actor,
  input: TargetGroupRecord,
  now: Date,
): Promise<TargetGroupRecord> {
  assertAdministrator(actor);
  if (await groupOf(db, actor, input.key)) throw keyTaken(input.key);
  try {
    return await db.transaction(async (tx) => {
      const row = single(
        await tx
          .insert(targetGroup)
          .values({ municipalityId: actor.municipalityId, ...input })
          .returning(columns),
      );
      await recordAudit(tx, actor, { citizenId: null, action: 'createTargetGroup', outcome: 'ALLOWED' }, now);
      return row;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? keyTaken(input.key) : error;
  }
}

export async function describeTargetGroup(
  db: Db,
  actor: Actor,
  input: { key: string; name?: string | null | undefined; description: string },
  now: Date,
): Promise<TargetGroupRecord> {
  assertAdministrator(actor);
  const current = await groupOf(db, actor, input.key);
  if (!current) throw notFound('Target group');
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .update(targetGroup)
        .set({ name: input.name ?? current.name, description: input.description })
        .where(eq(targetGroup.id, current.id))
        .returning(columns),
    );
    await recordAudit(tx, actor, { citizenId: null, action: 'describeTargetGroup', outcome: 'ALLOWED' }, now);
    return row;
  });
}

/** Tags citizens (or every member of a family) with the group; already tagged stay as they are. */
export async function assignTargetGroup(
  db: Db,
  actor: Actor,
  input: { key: string; citizenIds: string[]; familyId?: string | null | undefined },
  now: Date,
): Promise<number> {
  assertAdministrator(actor);
  const group = await groupOf(db, actor, input.key);
  if (!group) throw notFound('Target group');
  const members = input.familyId
    ? (
        await db
          .select({ c: familyMember.citizenId })
          .from(familyMember)
          .where(eq(familyMember.familyId, input.familyId))
      ).map((m) => m.c)
    : [];
  const wanted = [...new Set([...input.citizenIds, ...members])];
  const known = wanted.length
    ? await db
        .select({ id: citizen.id })
        .from(citizen)
        .where(
          and(
            eq(citizen.municipalityId, actor.municipalityId),
            inArray(citizen.id, wanted),
            isNull(citizen.mergedIntoId),
          ),
        )
    : [];
  if (known.length !== wanted.length || wanted.length === 0) {
    throw badInput(
      'Name citizens or a family of this municipality.',
      input.familyId ? 'familyId' : 'citizenIds',
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(citizenTargetGroup)
      .values(wanted.map((citizenId) => ({ citizenId, targetGroupId: group.id })))
      .onConflictDoNothing();
    await recordAudits(
      tx,
      actor,
      wanted.map((citizenId) => ({ citizenId, action: 'assignTargetGroup', outcome: 'ALLOWED' as const })),
      now,
    );
  });
  return wanted.length;
}

async function groupOf(db: Db, actor: Actor, key: string) {
  return (
    await db
      .select({ id: targetGroup.id, ...columns })
      .from(targetGroup)
      .where(and(eq(targetGroup.municipalityId, actor.municipalityId), eq(targetGroup.key, key)))
  )[0];
}

const keyTaken = (key: string) =>
  conflict(`A target group with key "${key}" already exists.`, { field: 'key' });
