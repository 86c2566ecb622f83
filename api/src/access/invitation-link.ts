import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Invitation } from '../db/schema/index.js';
import { invitation } from '../db/tables.js';
import { invitationInvalid } from '../kernel/errors.js';
import type { Actor } from './actor.js';
import { createRequestState } from './request-state.js';

/**
 * An invitation link's secret (docs/family.md): 32 random bytes, base64url, in the URL's fragment
 * so it never reaches a server log or a Referer. Only its SHA-256 is stored: a copy of the
 * database opens no link.
 */
export const newInvitationToken = (): string => randomBytes(32).toString('base64url');

export const invitationTokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export type InvitationStatus = 'PENDING' | 'USED' | 'EXPIRED' | 'REVOKED';

export function invitationStatus(row: Invitation, now: Date): InvitationStatus {
  if (row.revokedAt) return 'REVOKED';
  if (row.usedAt) return 'USED';
  if (now.getTime() >= row.expiresAt.getTime()) return 'EXPIRED';
  return 'PENDING';
}

/**
 * The invitation a link's token opens, whatever its state; a malformed or unknown token is
 * INVITATION_INVALID (UNKNOWN) and reveals nothing else.
 */
export async function invitationByToken(db: Db, token: string): Promise<Invitation> {
  if (!tokenShape.test(token)) throw invitationInvalid('UNKNOWN');
  const row = (
    await db
      .select()
      .from(invitation)
      .where(eq(invitation.tokenHash, invitationTokenHash(token)))
  )[0];
  if (!row) throw invitationInvalid('UNKNOWN');
  return row;
}

/** Refuses a link that can no longer be used, naming why. */
export function assertPending(row: Invitation, now: Date): void {
  const status = invitationStatus(row, now);
  if (status !== 'PENDING') throw invitationInvalid(status);
}

/**
 * Who acts through a link: the invited family member, as PARENT (answering about their child, or
 * on a family plan) or CITIZEN, for this invitation only. Reads and writes through the link are
 * checked by the same policy and audited under this subject.
 */
export function inviteeActor(row: Invitation, role: 'PARENT' | 'CITIZEN', now: Date): Actor {
  return {
    subject: `invitation:${row.id}`,
    role,
    municipalityId: row.municipalityId,
    departmentId: null,
    departmentIds: [],
    citizenId: row.inviteeId,
    purpose: 'own-data',
    at: now,
    expiresAt: row.expiresAt,
    request: createRequestState(),
  };
}
