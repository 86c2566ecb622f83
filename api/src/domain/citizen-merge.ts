import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudits } from '../access/audit.js';
import { assertAdministrator } from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { Citizen, CitizenMerge, CitizenMergeStatus } from '../db/schema/index.js';
import { citizen, citizenMerge, citizenMergeRow, familyMember, plan } from '../db/tables.js';
import { logChanges, type MergeChange, moveRows, undoRows } from './citizen-merge-moves.js';
import { badInput, conflict, notFound } from './errors.js';
import { isUniqueViolation } from './registration.js';

/**
 * One person, one record, after the fact: an administrator merges two records of one person
 * (docs/setup.md). The duplicate's measurements, plans, goals, cases, memberships and the rest
 * move to the survivor in one transaction with the audit, and the duplicate is hidden (reads of it
 * answer NOT_FOUND). Until confirmed the merge can be undone exactly; confirmed, it is final.
 */

export interface MergeRequest {
  survivorId: string;
  duplicateId: string;
  reason: string;
}

export async function mergeCitizens(
  db: Db,
  actor: Actor,
  input: MergeRequest,
  now: Date,
): Promise<CitizenMerge> {
  assertAdministrator(actor, 'citizen records');
  if (input.survivorId === input.duplicateId) {
    throw badInput('A record cannot be merged with itself.', 'duplicateId');
  }
  return db.transaction(async (tx) => {
    const [survivor, duplicate] = [
      await unmergedCitizen(tx, actor, input.survivorId, 'survivorId'),
      await unmergedCitizen(tx, actor, input.duplicateId, 'duplicateId'),
    ];
    assertOnePerson(survivor, duplicate);
    await assertOnePlan(tx, survivor.id, duplicate.id);
    await assertOneRolePerFamily(tx, survivor.id, duplicate.id);
    await markMerged(tx, survivor.id, duplicate.id);
    const changes = await moveRows(tx, survivor.id, duplicate.id);
    const merge = single(
      await tx
        .insert(citizenMerge)
        .values({
          municipalityId: actor.municipalityId,
          survivorId: survivor.id,
          duplicateId: duplicate.id,
          status: 'PENDING',
          reason: input.reason,
          mergedBy: actor.subject,
          createdAt: now,
        })
        .returning(),
    );
    await logChanges(tx, merge.id, changes);
    await auditBoth(tx, actor, merge, 'mergeCitizens', now);
    return merge;
  });
}

/** Moves exactly the logged rows back and restores the duplicate; only while PENDING. */
export async function undoCitizenMerge(db: Db, actor: Actor, id: string, now: Date): Promise<CitizenMerge> {
  assertAdministrator(actor, 'citizen records');
  try {
    return await db.transaction((tx) => undoInTransaction(tx, actor, id, now));
  } catch (error) {
    // Rows written for the survivor since the merge may stand where a row must go back.
    if (!isUniqueViolation(error)) throw error;
    throw conflict('Records written since the merge stand in the way of an exact undo.', {
      reason: 'CHANGED_SINCE_MERGE',
    });
  }
}

async function undoInTransaction(tx: Db, actor: Actor, id: string, now: Date): Promise<CitizenMerge> {
  const merge = await pendingMerge(tx, actor, id);
  const survivor = (
    await tx
      .select({ mergedIntoId: citizen.mergedIntoId })
      .from(citizen)
      .where(eq(citizen.id, merge.survivorId))
  )[0];
  // Its rows have moved on to a third record: undo that merge first.
  if (survivor?.mergedIntoId) {
    throw conflict('The survivor has since been merged into another record: undo that merge first.', {
      reason: 'SURVIVOR_MERGED',
    });
  }
  const changes: MergeChange[] = await tx
    .select({
      target: citizenMergeRow.target,
      rowKey: citizenMergeRow.rowKey,
      action: citizenMergeRow.action,
      previous: citizenMergeRow.previous,
    })
    .from(citizenMergeRow)
    .where(eq(citizenMergeRow.mergeId, merge.id))
    // Ids are random; the log's order is what matters only for pair tables, kept by target.
    .orderBy(asc(citizenMergeRow.target));
  await tx.update(citizen).set({ mergedIntoId: null }).where(eq(citizen.id, merge.duplicateId));
  await undoRows(tx, merge.survivorId, merge.duplicateId, inAppliedOrder(changes));
  const row = await decide(tx, actor, merge, 'UNDONE', now);
  await auditBoth(tx, actor, row, 'undoCitizenMerge', now);
  return row;
}

/** Makes the merge final: undo answers CONFLICT from now on. */
export async function confirmCitizenMerge(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<CitizenMerge> {
  assertAdministrator(actor, 'citizen records');
  return db.transaction(async (tx) => {
    const merge = await pendingMerge(tx, actor, id);
    const row = await decide(tx, actor, merge, 'CONFIRMED', now);
    await auditBoth(tx, actor, row, 'confirmCitizenMerge', now);
    return row;
  });
}

/** The municipality's merges, newest first; optionally only those of one status. */
export async function listCitizenMerges(
  db: Db,
  actor: Actor,
  status: CitizenMergeStatus | null,
): Promise<CitizenMerge[]> {
  assertAdministrator(actor, 'citizen records');
  const rows = await db
    .select()
    .from(citizenMerge)
    .where(
      and(
        eq(citizenMerge.municipalityId, actor.municipalityId),
        status ? eq(citizenMerge.status, status) : undefined,
      ),
    );
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** The order the moves were made in (moveRows): by table as listed there, the CPR hash last. */
const APPLIED_ORDER = [
  'citizen_department.citizen_id',
  'citizen_department.since',
  'family_member.citizen_id',
  'citizen_target_group.citizen_id',
  'citizen_external_ref.citizen_id',
  'notification_opt_out.citizen_id',
  'citizen.cpr_hash',
];
const inAppliedOrder = (changes: MergeChange[]): MergeChange[] =>
  [...changes].sort((a, b) => APPLIED_ORDER.indexOf(a.target) - APPLIED_ORDER.indexOf(b.target));

async function unmergedCitizen(tx: Db, actor: Actor, id: string, field: string): Promise<Citizen> {
  const row = (
    await tx
      .select()
      .from(citizen)
      .where(and(eq(citizen.id, id), eq(citizen.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw notFound('Citizen');
  if (row.mergedIntoId) throw alreadyMerged(field);
  return row;
}

/**
 * Marks the duplicate first, only if still unmerged: a concurrent merge of the same records waits
 * on these rows (PostgreSQL) and then finds them merged, so one of the two is refused and rolled back.
 */
async function markMerged(tx: Db, survivorId: string, duplicateId: string): Promise<void> {
  const marked = await tx
    .update(citizen)
    .set({ mergedIntoId: survivorId })
    .where(and(eq(citizen.id, duplicateId), isNull(citizen.mergedIntoId)))
    .returning({ id: citizen.id });
  if (marked.length === 0) throw alreadyMerged('duplicateId');
  // A no-op write holds the survivor's row too, so it cannot be merged away meanwhile.
  const held = await tx
    .update(citizen)
    .set({ mergedIntoId: null })
    .where(and(eq(citizen.id, survivorId), isNull(citizen.mergedIntoId)))
    .returning({ id: citizen.id });
  if (held.length === 0) throw alreadyMerged('survivorId');
}

const alreadyMerged = (field: string) =>
  conflict('The record has already been merged into another.', { field, reason: 'ALREADY_MERGED' });

/** Two CPR hashes that differ are two people, whatever the names say. */
function assertOnePerson(survivor: Citizen, duplicate: Citizen): void {
  if (survivor.cprHash && duplicate.cprHash && survivor.cprHash !== duplicate.cprHash) {
    throw conflict('The two records carry different CPR numbers: they are two people.', {
      field: 'duplicateId',
      reason: 'DIFFERENT_PEOPLE',
    });
  }
}

/** One active plan per citizen: two active plans cannot become one person's. */
async function assertOnePlan(tx: Db, survivorId: string, duplicateId: string): Promise<void> {
  const active = await tx
    .select({ id: plan.id, citizenId: plan.citizenId })
    .from(plan)
    .where(and(or(eq(plan.citizenId, survivorId), eq(plan.citizenId, duplicateId)), isNull(plan.closedAt)));
  if (active.length < 2) return;
  throw conflict('Both records have an active plan: close one of them first.', {
    field: 'duplicateId',
    reason: 'TWO_ACTIVE_PLANS',
    planIds: active.map((p) => p.id).sort(),
  });
}

/** In a family both records belong to, they must hold the same role (one person, one role). */
async function assertOneRolePerFamily(tx: Db, survivorId: string, duplicateId: string): Promise<void> {
  const rows = await tx
    .select({ familyId: familyMember.familyId, citizenId: familyMember.citizenId, role: familyMember.role })
    .from(familyMember)
    .where(or(eq(familyMember.citizenId, survivorId), eq(familyMember.citizenId, duplicateId)));
  const ours = new Map(rows.filter((r) => r.citizenId === survivorId).map((r) => [r.familyId, r.role]));
  const clash = rows.find(
    (r) => r.citizenId === duplicateId && ours.has(r.familyId) && ours.get(r.familyId) !== r.role,
  );
  if (!clash) return;
  throw conflict('The two records belong to one family in different roles.', {
    field: 'duplicateId',
    reason: 'CONFLICTING_MEMBERSHIPS',
    familyId: clash.familyId,
  });
}

async function pendingMerge(tx: Db, actor: Actor, id: string): Promise<CitizenMerge> {
  const row = (
    await tx
      .select()
      .from(citizenMerge)
      .where(and(eq(citizenMerge.id, id), eq(citizenMerge.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw notFound('Citizen merge');
  if (row.status !== 'PENDING') {
    throw conflict(`The merge is ${row.status.toLowerCase()}: it can no longer be changed.`, {
      status: row.status,
    });
  }
  return row;
}

async function decide(
  tx: Db,
  actor: Actor,
  merge: CitizenMerge,
  status: CitizenMergeStatus,
  now: Date,
): Promise<CitizenMerge> {
  const [row] = await tx
    .update(citizenMerge)
    .set({ status, decidedAt: now, decidedBy: actor.subject })
    .where(and(eq(citizenMerge.id, merge.id), eq(citizenMerge.status, 'PENDING')))
    .returning();
  // Another administrator's confirm or undo got there first (they run side by side on PostgreSQL).
  if (!row) throw conflict('The merge was decided meanwhile.', { status: 'DECIDED' });
  return row;
}

/** Both records' access logs show the merge; the detail names it, whose row keeps the reason. */
const auditBoth = (tx: Db, actor: Actor, merge: CitizenMerge, action: string, now: Date) =>
  recordAudits(
    tx,
    actor,
    [merge.survivorId, merge.duplicateId].map((citizenId) => ({
      citizenId,
      action,
      outcome: 'ALLOWED' as const,
      detail: `citizenMerge:${merge.id}`,
    })),
    now,
  );
