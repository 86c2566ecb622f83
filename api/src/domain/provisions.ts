import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { planMembers } from '../access/plan-members.js';
import { authorizeProvision } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { ProvisionRow } from '../db/schema/index.js';
import { plan, priceVersion, provision } from '../db/tables.js';
import type { Provision } from './economy/provision-cost.js';
import { badInput } from './errors.js';
import type { AddProvisionInput } from './inputs/economy.js';

/**
 * Records help a citizen received or receives (docs/economy.md): the type must be in the
 * catalogue with the unit given; a case worker of a paying department (or the coordinator)
 * records it, and the audit event commits with the row.
 */
export async function addProvision(
  db: Db,
  actor: Actor,
  input: AddProvisionInput,
  now: Date,
): Promise<ProvisionRow> {
  const versions = await db
    .select({ unit: priceVersion.unit, departmentId: priceVersion.departmentId })
    .from(priceVersion)
    .where(
      and(eq(priceVersion.municipalityId, actor.municipalityId), eq(priceVersion.typeCode, input.typeCode)),
    );
  if (versions.length === 0) throw badInput('typeCode is not in the price catalogue.', 'typeCode');
  if (versions[0]?.unit !== input.unit) {
    throw badInput(`unit must be ${versions[0]?.unit}, the catalogue's unit for ${input.typeCode}.`, 'unit');
  }
  await authorizeProvision(db, actor, input.citizenId, [...new Set(versions.map((v) => v.departmentId))]);
  if (input.planId !== null) {
    const owner = (
      await db
        .select()
        .from(plan)
        .where(and(eq(plan.id, input.planId), eq(plan.municipalityId, actor.municipalityId)))
    )[0];
    const members = owner ? await planMembers(db, owner) : [];
    if (!members.some((m) => m.citizenId === input.citizenId)) {
      throw badInput("planId is not one of the citizen's plans.", 'planId');
    }
  }
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .insert(provision)
        .values({
          municipalityId: actor.municipalityId,
          citizenId: input.citizenId,
          planId: input.planId,
          typeCode: input.typeCode,
          quantity: input.quantity,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          createdAt: now,
        })
        .returning(),
    );
    await recordAudit(
      tx,
      actor,
      { citizenId: input.citizenId, action: 'addProvision', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/** The provisions of some citizens, as the cost rules take them. */
export async function provisionsOf(
  db: Db,
  municipalityId: string,
  citizenIds: readonly string[],
): Promise<Provision[]> {
  if (citizenIds.length === 0) return [];
  return db
    .select({
      citizenId: provision.citizenId,
      typeCode: provision.typeCode,
      quantity: provision.quantity,
      startsOn: provision.startsOn,
      endsOn: provision.endsOn,
    })
    .from(provision)
    .where(and(eq(provision.municipalityId, municipalityId), inArray(provision.citizenId, [...citizenIds])));
}
