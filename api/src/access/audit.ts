import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { insertPlaceholders, insertValues, prepared } from '../db/prepared.js';
import { auditEvent, department } from '../db/tables.js';
import type { Actor } from './actor.js';

/** Anything that can run an insert: the database or an open transaction. */
type Writer = Pick<Db, 'insert' | '$relaxedWrite' | '$inTransaction'>;

export interface AuditEntry {
  citizenId: string | null;
  action: string;
  outcome: 'ALLOWED' | 'DENIED';
  /** What was asked, where the action alone does not say (a statistics filter); no personal data. */
  detail?: string;
}

type AuditRow = typeof auditEvent.$inferInsert;

/**
 * Appends one audit event, stamped with the request's time (the injected clock) unless given.
 * Call it with the transaction of a write so the event and the change
 * commit or roll back together. The table only grows: triggers refuse UPDATE and DELETE.
 */
export async function recordAudit(
  writer: Writer,
  actor: Actor,
  entry: AuditEntry,
  at = actor.at ?? new Date(),
): Promise<void> {
  await recordAudits(writer, actor, [entry], at);
}

/**
 * Appends several events (e.g. one per citizen of a family plan); the promise resolves once they
 * are committed.
 *
 * Inside a write's transaction they are inserted there and commit or roll back with it. Outside
 * one (the audit of an access check before a read) they join the batch of every audit queued on
 * the same database before its commit begins: one INSERT and one commit for all the reads of a
 * busy moment, and the commit does not wait for the disk (`Db.$relaxedWrite`). Each row is stored
 * before its data is returned and survives a crash of the process; only a power loss before the
 * next durable commit could lose it (docs/access.md, "read-audit durability"; BENCHMARKS.md).
 */
export async function recordAudits(
  writer: Writer,
  actor: Actor,
  entries: readonly AuditEntry[],
  at = actor.at ?? new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => auditRow(actor, entry, at));
  if (writer.$inTransaction()) await insertAuditRows(writer, rows);
  else await appendToBatch(writer, rows);
}

function auditRow(actor: Actor, entry: AuditEntry, at: Date): AuditRow {
  return {
    municipalityId: actor.municipalityId,
    at,
    actorId: actor.subject,
    actorRole: actor.role,
    departmentId: actor.departmentId,
    citizenId: entry.citizenId,
    action: entry.action,
    purpose: actor.purpose,
    outcome: entry.outcome,
    detail: entry.detail ?? null,
  };
}

/** Rows per INSERT: 10 columns each stays far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_INSERT = 500;

/** The columns of an audit row, each a placeholder of the one-row insert every write makes. */
const AUDIT_COLUMNS = [
  'municipalityId',
  'at',
  'actorId',
  'actorRole',
  'departmentId',
  'citizenId',
  'action',
  'purpose',
  'outcome',
  'detail',
] as const satisfies readonly (keyof AuditRow)[];

async function insertAuditRows(writer: Pick<Db, 'insert'>, rows: readonly AuditRow[]): Promise<void> {
  const [only] = rows;
  if (rows.length === 1 && only) {
    // A write's own event, one row in its transaction: built once per handle (db/prepared.ts).
    const query = prepared(writer, 'insert-audit-event', (on) =>
      on
        .insert(auditEvent)
        .values(insertPlaceholders(AUDIT_COLUMNS) as unknown as AuditRow)
        .prepare(),
    );
    await query.execute(insertValues(AUDIT_COLUMNS, only));
    return;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await writer.insert(auditEvent).values(rows.slice(i, i + ROWS_PER_INSERT));
  }
}

/** Read audits waiting for their commit on one database; closed once its insert begins. */
interface AuditBatch {
  readonly rows: AuditRow[];
  closed: boolean;
  committed: Promise<void>;
}
const openBatches = new WeakMap<Writer, AuditBatch>();

/**
 * Adds rows to the database's open batch, opening one (a relaxed write queued now, whose work
 * reads the rows only when it runs) if there is none. If the batch's insert fails, each caller
 * tries its own rows alone, so one bad row fails only the read it belongs to.
 */
function appendToBatch(db: Writer, rows: readonly AuditRow[]): Promise<void> {
  let batch = openBatches.get(db);
  if (!batch || batch.closed) {
    const opened: AuditBatch = { rows: [], closed: false, committed: Promise.resolve() };
    opened.committed = db.$relaxedWrite((tx) => {
      opened.closed = true;
      return insertAuditRows(tx, opened.rows);
    });
    openBatches.set(db, opened);
    batch = opened;
  }
  batch.rows.push(...rows);
  return batch.committed.catch(() => db.$relaxedWrite((tx) => insertAuditRows(tx, rows)));
}

/** One line of a citizen's access log: who (by role and department, never by name) did what. */
export interface AccessLogEntry {
  at: Date;
  actorRole: string;
  departmentName: string | null;
  purpose: string;
  action: string;
  outcome: 'ALLOWED' | 'DENIED';
}

/**
 * The audit events about a citizen, newest first, stripped of staff identifiers. The caller
 * must have passed policy.authorizeAccessLogRead.
 */
export async function readAccessLog(
  db: Db,
  municipalityId: string,
  citizenId: string,
  page: { limit: number; before?: Date | null | undefined },
): Promise<AccessLogEntry[]> {
  return await db
    .select({
      at: auditEvent.at,
      actorRole: auditEvent.actorRole,
      departmentName: department.name,
      purpose: auditEvent.purpose,
      action: auditEvent.action,
      outcome: auditEvent.outcome,
    })
    .from(auditEvent)
    .leftJoin(department, eq(department.id, auditEvent.departmentId))
    .where(
      and(
        eq(auditEvent.municipalityId, municipalityId),
        eq(auditEvent.citizenId, citizenId),
        page.before ? lt(auditEvent.at, page.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(page.limit);
}
