import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { assertMayConfigureDepartments } from '../access/policy.js';
import type { Db } from '../db/client.js';
import type { Department } from '../db/schema/index.js';
import { department } from '../db/tables.js';
import { notFound } from './errors.js';

/**
 * Sets how many days a department's citizens may go without a measurement before its caseload
 * flags them (null = the default). Tenant configuration: no citizen's data, audited all the same.
 */
export async function setFollowUpInterval(
  db: Db,
  actor: Actor,
  input: { departmentId: string; days?: number | null | undefined },
  now: Date,
): Promise<Department> {
  assertMayConfigureDepartments(actor);
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .update(department)
        .set({ followUpDays: input.days ?? null })
        .where(
          and(eq(department.id, input.departmentId), eq(department.municipalityId, actor.municipalityId)),
        )
        .returning()
    )[0];
    if (!row) throw notFound('Department');
    await recordAudit(tx, actor, { citizenId: null, action: 'setFollowUpInterval', outcome: 'ALLOWED' }, now);
    return row;
  });
}
