import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvent, department } from '../db/tables.js';
import type { Actor } from './actor.js';

/** Anything that can run an insert: the database or an open transaction. */
type Writer = Pick<Db, 'insert' | '$relaxedWrite'>;

export interface AuditEntry {
  citizenId: string | null;
  action: string;
  outcome: 'ALLOWED' | 'DENIED';
  /** What was asked, where the action alone does not say (a statistics filter); no personal data. */
  detail?: string;
}

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
 * Appends several events in one statement (one commit), e.g. one per citizen of a family plan.
 *
 * Inside a write's transaction the events commit with it. Outside one (the audit of an access
 * check before a read) the commit does not wait for the disk (`Db.$relaxedWrite`): the row is
 * stored before the data is returned and survives a crash of the process; only a power loss
 * before the next durable commit could lose it. An fsync per read was the largest cost of every
 * read under load (docs/access.md, BENCHMARKS.md).
 */
export async function recordAudits(
  writer: Writer,
  actor: Actor,
  entries: readonly AuditEntry[],
  at = actor.at ?? new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  await writer.$relaxedWrite((db) => insertAudits(db, actor, entries, at));
}

async function insertAudits(
  writer: Pick<Db, 'insert'>,
  actor: Actor,
  entries: readonly AuditEntry[],
  at: Date,
): Promise<void> {
  await writer.insert(auditEvent).values(
    entries.map((entry) => ({
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
    })),
  );
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
