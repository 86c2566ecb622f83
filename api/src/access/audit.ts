import { and, desc, eq, lt } from 'drizzle-orm';
import { type Db, DURABLE_SYNCHRONOUS } from '../db/client.js';
import { auditEvent, department } from '../db/schema/index.js';
import type { Actor } from './actor.js';

/** Anything that can run an insert: the database or an open transaction. */
type Writer = Pick<Db, 'insert'>;

export interface AuditEntry {
  citizenId: string | null;
  action: string;
  outcome: 'ALLOWED' | 'DENIED';
}

/**
 * Appends one audit event. Call it with the transaction of a write so the event and the change
 * commit or roll back together. The table only grows: triggers refuse UPDATE and DELETE.
 */
export function recordAudit(writer: Writer, actor: Actor, entry: AuditEntry, at = new Date()): void {
  recordAudits(writer, actor, [entry], at);
}

/**
 * Appends several events in one statement (one commit), e.g. one per citizen of a family plan.
 *
 * Outside a transaction (the audit of an access check before a read) the commit skips its own
 * fsync: in WAL mode with synchronous=NORMAL the row is in the log before the data is returned,
 * survives a crash of the process, and reaches the disk with the next durable commit or
 * checkpoint. Only a power loss in that gap could lose it. An fsync per read was the largest
 * cost of every read under load (docs/access.md, BENCHMARKS.md).
 */
export function recordAudits(
  writer: Writer,
  actor: Actor,
  entries: readonly AuditEntry[],
  at = new Date(),
): void {
  if (entries.length === 0) return;
  const client = (writer as Partial<Pick<Db, '$client'>>).$client;
  if (client && !client.inTransaction) {
    const sync = synchronousSwitch(client);
    sync.relaxed.run([]);
    try {
      insertAudits(writer, actor, entries, at);
    } finally {
      sync.durable.run([]);
    }
    return;
  }
  insertAudits(writer, actor, entries, at);
}

type Client = Db['$client'];
type Statement = ReturnType<Client['prepare']>;
type SynchronousSwitch = { relaxed: Statement; durable: Statement };
const switches = new WeakMap<Client, SynchronousSwitch>();

/** Prepared once per connection: preparing the pragma on every read cost 5 % of a read. */
function synchronousSwitch(client: Client): SynchronousSwitch {
  let sync = switches.get(client);
  if (!sync) {
    sync = {
      relaxed: client.prepare('PRAGMA synchronous = NORMAL'),
      durable: client.prepare(`PRAGMA synchronous = ${DURABLE_SYNCHRONOUS}`),
    };
    switches.set(client, sync);
  }
  return sync;
}

function insertAudits(writer: Writer, actor: Actor, entries: readonly AuditEntry[], at: Date): void {
  writer
    .insert(auditEvent)
    .values(
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
      })),
    )
    .run();
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
export function readAccessLog(
  db: Db,
  municipalityId: string,
  citizenId: string,
  page: { limit: number; before?: Date | null | undefined },
): AccessLogEntry[] {
  return db
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
    .limit(page.limit)
    .all();
}
