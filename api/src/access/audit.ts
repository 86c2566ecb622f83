import type { Db } from '../db/client.js';
import { auditEvent } from '../db/schema/index.js';
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
 * commit or roll back together.
 */
export function recordAudit(writer: Writer, actor: Actor, entry: AuditEntry, at = new Date()): void {
  writer
    .insert(auditEvent)
    .values({
      municipalityId: actor.municipalityId,
      at,
      actorId: actor.subject,
      actorRole: actor.role,
      departmentId: actor.departmentId,
      citizenId: entry.citizenId,
      action: entry.action,
      purpose: actor.purpose,
      outcome: entry.outcome,
    })
    .run();
}
