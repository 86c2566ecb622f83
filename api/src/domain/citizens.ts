import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { assertCaseWorker, registeringDepartments } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Citizen } from '../db/schema/index.js';
import { citizen, citizenDepartment, citizenExternalRef } from '../db/tables.js';
import { conflict } from '../graphql/errors.js';

export interface NewCitizen {
  displayName: string;
  birthYear: number;
  externalRef?: { system: string; value: string } | null | undefined;
}

/** Registers a citizen in the actor's municipality, audited in the same transaction. */
export async function createCitizen(db: Db, actor: Actor, input: NewCitizen, now: Date): Promise<Citizen> {
  assertCaseWorker(actor);
  return db.transaction(async (tx) => {
    const ref = input.externalRef;
    if (ref) {
      const taken = (
        await tx
          .select({ id: citizenExternalRef.citizenId })
          .from(citizenExternalRef)
          .where(
            and(
              eq(citizenExternalRef.municipalityId, actor.municipalityId),
              eq(citizenExternalRef.system, ref.system),
              eq(citizenExternalRef.value, ref.value),
            ),
          )
      )[0];
      if (taken) throw conflict(`A citizen with ${ref.system} reference ${ref.value} already exists.`);
    }
    const row = single(
      await tx
        .insert(citizen)
        .values({
          municipalityId: actor.municipalityId,
          displayName: input.displayName,
          birthYear: input.birthYear,
          createdAt: now,
        })
        .returning(),
    );
    if (ref) {
      await tx
        .insert(citizenExternalRef)
        .values({ citizenId: row.id, municipalityId: actor.municipalityId, ...ref });
    }
    // Registering opens the department's case: its professionals may see the citizen from now on.
    const departments = registeringDepartments(actor);
    if (departments.length) {
      await tx.insert(citizenDepartment).values(
        departments.map((departmentId) => ({
          citizenId: row.id,
          departmentId,
          municipalityId: actor.municipalityId,
          reason: 'REGISTERED' as const,
          since: now,
        })),
      );
    }
    await recordAudit(tx, actor, { citizenId: row.id, action: 'createCitizen', outcome: 'ALLOWED' }, now);
    return row;
  });
}
