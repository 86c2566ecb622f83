import { isNotNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { createRequestState } from '../access/request-state.js';
import type { Db } from '../db/client.js';
import { professional } from '../db/tables.js';
import { copenhagenDate } from '../domain/calendar.js';
import { readCaseload } from '../domain/caseload/caseload.js';
import type { InstrumentCatalog } from '../domain/instrument-catalog.js';
import { composeDigest } from '../domain/messages/compose.js';
import { professionalsOptedOut } from '../domain/messages/opt-out.js';
import { enqueueMessage } from '../domain/messages/outbox.js';
import type { Logger } from '../observability/logger.js';

export interface DigestParts {
  instruments: InstrumentCatalog;
  /** Where the digest's link points (the caseload is the start page). */
  publicUrl: string;
  logger: Logger;
}

/** The staff record as the caseload sees it: a professional of their department. */
function actorFor(
  p: { id: string; municipalityId: string; departmentId: string; subject: string | null },
  now: Date,
): Actor {
  return {
    subject: p.subject ?? `professional:${p.id}`,
    role: 'PROFESSIONAL',
    municipalityId: p.municipalityId,
    departmentId: p.departmentId,
    departmentIds: [],
    citizenId: null,
    purpose: 'case-work',
    at: now,
    request: createRequestState(),
  };
}

/**
 * Enqueues today's digest for every professional with a work e-mail who has not opted out:
 * counts per reason from the caseload domain (never names), and a link. Deduplicated by
 * `digest:<professional>:<Copenhagen date>`, so several instances, or a restart, send it once.
 * Nothing to report, no mail. Answers how many digests were enqueued (new or not).
 */
export async function enqueueDigests(db: Db, parts: DigestParts, now: Date): Promise<number> {
  const date = copenhagenDate(now);
  const staff = await db
    .select({
      id: professional.id,
      municipalityId: professional.municipalityId,
      departmentId: professional.departmentId,
      subject: professional.subject,
      email: professional.email,
    })
    .from(professional)
    .where(isNotNull(professional.email));
  const optedOut = await professionalsOptedOut(db, 'DIGEST');
  // One caseload per department: without the MINE filter it is the same for each of its staff.
  const countsByDepartment = new Map<string, Awaited<ReturnType<typeof readCaseload>>['counts']>();
  let enqueued = 0;
  for (const p of staff) {
    if (!p.email || optedOut.has(p.id)) continue;
    try {
      let counts = countsByDepartment.get(p.departmentId);
      if (!counts) {
        // limit 0: only the counts are needed, so no citizen's row is read out (or audited as read).
        counts = (await readCaseload(db, actorFor(p, now), parts.instruments, { limit: 0 }, now)).counts;
        countsByDepartment.set(p.departmentId, counts);
      }
      if (!counts.some((c) => c.citizens > 0)) continue;
      const message = composeDigest({ language: 'da', date, counts, link: parts.publicUrl });
      await enqueueMessage(
        db,
        {
          municipalityId: p.municipalityId,
          kind: 'DIGEST',
          recipient: p.email,
          ...message,
          dedupeKey: `digest:${p.id}:${date}`,
          reference: p.id,
        },
        now,
      );
      enqueued += 1;
    } catch (error) {
      parts.logger.error({ event: 'digest.failed', kind: (error as Error)?.name }, 'digest not produced');
    }
  }
  return enqueued;
}
