import { and, eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import type { MergeRowAction } from '../db/schema/index.js';
import {
  citizen,
  citizenDepartment,
  citizenExternalRef,
  citizenMergeRow,
  citizenTargetGroup,
  consent,
  familyMember,
  goal,
  invitation,
  measurement,
  meetingParticipant,
  notificationOptOut,
  plan,
  provision,
} from '../db/tables.js';

/**
 * What a citizen merge changes, table by table, and how each change is reversed exactly. Every
 * row that names the duplicate is either MOVED to the survivor or, where the survivor already
 * holds its twin (a case with the same department, the same target group), SET_ASIDE: removed
 * and kept whole in the merge's log so undo puts it back. The audit trail is never touched: it
 * says what happened to whom at the time.
 */

/** One logged change, before it gets its merge id. */
export interface MergeChange {
  target: string;
  rowKey: string;
  action: MergeRowAction;
  previous: string | null;
}

/** A table whose rows have their own id and name the citizen in one column. */
interface ByIdTable {
  target: string;
  table: SQLiteTable;
  id: SQLiteColumn;
  citizen: SQLiteColumn;
  /** The citizen column's property name, for `set`. */
  key: string;
}

/** A table keyed by the citizen and one more column: at most one row per citizen and `other`. */
interface PairTable {
  target: string;
  table: SQLiteTable;
  citizen: SQLiteColumn;
  other: SQLiteColumn;
  otherKey: string;
  /** Instant columns, to read a set-aside row back from JSON. */
  instants: readonly string[];
}

// Built on call: tables.ts points its bindings at the dialect only when the database opens.
const byIdTables = (): ByIdTable[] => [
  {
    target: 'measurement.citizen_id',
    table: measurement,
    id: measurement.id,
    citizen: measurement.citizenId,
    key: 'citizenId',
  },
  { target: 'plan.citizen_id', table: plan, id: plan.id, citizen: plan.citizenId, key: 'citizenId' },
  {
    target: 'goal.subject_citizen_id',
    table: goal,
    id: goal.id,
    citizen: goal.subjectCitizenId,
    key: 'subjectCitizenId',
  },
  {
    target: 'consent.citizen_id',
    table: consent,
    id: consent.id,
    citizen: consent.citizenId,
    key: 'citizenId',
  },
  {
    target: 'provision.citizen_id',
    table: provision,
    id: provision.id,
    citizen: provision.citizenId,
    key: 'citizenId',
  },
  {
    target: 'invitation.invitee_id',
    table: invitation,
    id: invitation.id,
    citizen: invitation.inviteeId,
    key: 'inviteeId',
  },
  {
    target: 'invitation.subject_citizen_id',
    table: invitation,
    id: invitation.id,
    citizen: invitation.subjectCitizenId,
    key: 'subjectCitizenId',
  },
  {
    target: 'meeting_participant.citizen_id',
    table: meetingParticipant,
    id: meetingParticipant.id,
    citizen: meetingParticipant.citizenId,
    key: 'citizenId',
  },
];

const pairTables = (): PairTable[] => [
  {
    target: 'citizen_department.citizen_id',
    table: citizenDepartment,
    citizen: citizenDepartment.citizenId,
    other: citizenDepartment.departmentId,
    otherKey: 'departmentId',
    instants: ['since'],
  },
  {
    target: 'family_member.citizen_id',
    table: familyMember,
    citizen: familyMember.citizenId,
    other: familyMember.familyId,
    otherKey: 'familyId',
    instants: [],
  },
  {
    target: 'citizen_target_group.citizen_id',
    table: citizenTargetGroup,
    citizen: citizenTargetGroup.citizenId,
    other: citizenTargetGroup.targetGroupId,
    otherKey: 'targetGroupId',
    instants: [],
  },
  {
    target: 'citizen_external_ref.citizen_id',
    table: citizenExternalRef,
    citizen: citizenExternalRef.citizenId,
    other: citizenExternalRef.system,
    otherKey: 'system',
    instants: [],
  },
  {
    // One opt-out per person and kind of message: the kind plays the second key's part.
    target: 'notification_opt_out.citizen_id',
    table: notificationOptOut,
    citizen: notificationOptOut.citizenId,
    other: notificationOptOut.kind,
    otherKey: 'kind',
    instants: ['createdAt'],
  },
];

/** Every `table.column` a merge moves, for the test that keeps it complete. */
export const mergedColumns = (): string[] => [...byIdTables(), ...pairTables()].map((t) => t.target);

/** Lists of ids in one statement stay well below either database's parameter limit. */
const SLICE = 500;
const slices = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
};

/** Moves every row naming the duplicate to the survivor; answers what it changed, for the log. */
export async function moveRows(tx: Db, survivorId: string, duplicateId: string): Promise<MergeChange[]> {
  const changes: MergeChange[] = [];
  for (const t of byIdTables()) {
    const rows = await tx.select({ id: t.id }).from(t.table).where(eq(t.citizen, duplicateId));
    if (rows.length === 0) continue;
    await tx
      .update(t.table)
      .set({ [t.key]: survivorId } as never)
      .where(eq(t.citizen, duplicateId));
    for (const r of rows)
      changes.push({ target: t.target, rowKey: String(r.id), action: 'MOVED', previous: null });
  }
  for (const t of pairTables()) changes.push(...(await movePairs(tx, t, survivorId, duplicateId)));
  changes.push(...(await takeCprHash(tx, survivorId, duplicateId)));
  return changes;
}

async function movePairs(
  tx: Db,
  t: PairTable,
  survivorId: string,
  duplicateId: string,
): Promise<MergeChange[]> {
  const theirs = (await tx.select().from(t.table).where(eq(t.citizen, duplicateId))) as Record<
    string,
    unknown
  >[];
  if (theirs.length === 0) return [];
  const ours = new Map(
    ((await tx.select().from(t.table).where(eq(t.citizen, survivorId))) as Record<string, unknown>[]).map(
      (r) => [String(r[t.otherKey]), r],
    ),
  );
  const changes: MergeChange[] = [];
  for (const row of theirs) {
    const key = String(row[t.otherKey]);
    const where = and(eq(t.citizen, duplicateId), eq(t.other, key));
    const twin = ours.get(key);
    if (!twin) {
      await tx
        .update(t.table)
        .set({ citizenId: survivorId } as never)
        .where(where);
      changes.push({ target: t.target, rowKey: key, action: 'MOVED', previous: null });
      continue;
    }
    await tx.delete(t.table).where(where);
    changes.push({ target: t.target, rowKey: key, action: 'SET_ASIDE', previous: JSON.stringify(row) });
    if (t.table === citizenDepartment)
      changes.push(...(await keepEarlierSince(tx, survivorId, key, twin, row)));
  }
  return changes;
}

/** A case both records had began when the earlier of the two began. */
async function keepEarlierSince(
  tx: Db,
  survivorId: string,
  departmentId: string,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
): Promise<MergeChange[]> {
  const ourSince = ours.since as Date;
  const theirSince = theirs.since as Date;
  if (theirSince.getTime() >= ourSince.getTime()) return [];
  await tx
    .update(citizenDepartment)
    .set({ since: theirSince, reason: theirs.reason as never })
    .where(
      and(eq(citizenDepartment.citizenId, survivorId), eq(citizenDepartment.departmentId, departmentId)),
    );
  return [
    {
      target: 'citizen_department.since',
      rowKey: departmentId,
      action: 'EARLIER_SINCE',
      previous: JSON.stringify({ since: ourSince.getTime(), reason: ours.reason }),
    },
  ];
}

/** The survivor without a CPR hash takes the duplicate's: the unique index allows one holder. */
async function takeCprHash(tx: Db, survivorId: string, duplicateId: string): Promise<MergeChange[]> {
  const [survivor, duplicate] = await Promise.all(
    [survivorId, duplicateId].map(
      async (id) =>
        (await tx.select({ cprHash: citizen.cprHash }).from(citizen).where(eq(citizen.id, id)))[0],
    ),
  );
  if (survivor?.cprHash || !duplicate?.cprHash) return [];
  await tx.update(citizen).set({ cprHash: null }).where(eq(citizen.id, duplicateId));
  await tx.update(citizen).set({ cprHash: duplicate.cprHash }).where(eq(citizen.id, survivorId));
  return [
    { target: 'citizen.cpr_hash', rowKey: survivorId, action: 'CPR_HASH', previous: duplicate.cprHash },
  ];
}

/** Reverses exactly the logged changes, last first, so every row is where it was before. */
export async function undoRows(
  tx: Db,
  survivorId: string,
  duplicateId: string,
  changes: readonly MergeChange[],
): Promise<void> {
  const byId = new Map(byIdTables().map((t) => [t.target, t]));
  const pairs = new Map(pairTables().map((t) => [t.target, t]));
  const undone = [...changes].reverse();
  for (const c of undone.filter((c) => c.action === 'CPR_HASH')) {
    await tx.update(citizen).set({ cprHash: null }).where(eq(citizen.id, survivorId));
    await tx.update(citizen).set({ cprHash: c.previous }).where(eq(citizen.id, duplicateId));
  }
  for (const c of undone.filter((c) => c.action === 'EARLIER_SINCE')) {
    const was = JSON.parse(c.previous ?? '{}') as { since: number; reason: string };
    await tx
      .update(citizenDepartment)
      .set({ since: new Date(was.since), reason: was.reason as never })
      .where(and(eq(citizenDepartment.citizenId, survivorId), eq(citizenDepartment.departmentId, c.rowKey)));
  }
  for (const [target, t] of byId) {
    const ids = undone.filter((c) => c.target === target && c.action === 'MOVED').map((c) => c.rowKey);
    for (const slice of slices(ids)) {
      await tx
        .update(t.table)
        .set({ [t.key]: duplicateId } as never)
        .where(and(inArray(t.id, slice), eq(t.citizen, survivorId)));
    }
  }
  // In the order they were made: the duplicate's cases are back before its family memberships,
  // whose insert trigger would otherwise open cases of its own.
  for (const c of changes) {
    const t = pairs.get(c.target);
    if (!t) continue;
    if (c.action === 'MOVED') {
      await tx
        .update(t.table)
        .set({ citizenId: duplicateId } as never)
        .where(and(eq(t.citizen, survivorId), eq(t.other, c.rowKey)));
    } else if (c.action === 'SET_ASIDE') {
      await tx.insert(t.table).values(revive(t, c.previous ?? '{}') as never);
    }
  }
  await dropCasesTheTriggersOpened(tx, duplicateId, changes);
}

/**
 * The duplicate had no case left after the merge, so its cases after undo are exactly the logged
 * ones; any other was opened by a trigger while its memberships were put back.
 */
async function dropCasesTheTriggersOpened(
  tx: Db,
  duplicateId: string,
  changes: readonly MergeChange[],
): Promise<void> {
  const logged = changes.filter((c) => c.target === 'citizen_department.citizen_id').map((c) => c.rowKey);
  const now = await tx
    .select({ departmentId: citizenDepartment.departmentId })
    .from(citizenDepartment)
    .where(eq(citizenDepartment.citizenId, duplicateId));
  const extra = now.map((r) => r.departmentId).filter((d) => !logged.includes(d));
  if (extra.length === 0) return;
  await tx
    .delete(citizenDepartment)
    .where(and(eq(citizenDepartment.citizenId, duplicateId), inArray(citizenDepartment.departmentId, extra)));
}

/** A set-aside row as it was: JSON keeps instants as text, the table wants them as instants. */
function revive(t: PairTable, json: string): Record<string, unknown> {
  const row = JSON.parse(json) as Record<string, unknown>;
  for (const k of t.instants) if (typeof row[k] === 'string') row[k] = new Date(row[k] as string);
  return row;
}

/** Stores the changes under the merge, in slices. */
export async function logChanges(tx: Db, mergeId: string, changes: readonly MergeChange[]): Promise<void> {
  for (const slice of slices(changes)) {
    await tx.insert(citizenMergeRow).values(slice.map((c) => ({ mergeId, ...c })));
  }
}
