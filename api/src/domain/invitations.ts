import { and, desc, eq, or } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit, recordAudits } from '../access/audit.js';
import { invitationStatus, invitationTokenHash, newInvitationToken } from '../access/invitation-link.js';
import { planMembers } from '../access/plan-members.js';
import {
  assertActsFor,
  assertCaseWorker,
  authorizeCitizenRead,
  authorizeCitizenWrite,
  authorizePlanWrite,
  mayAnswerAbout,
  scopeAllows,
} from '../access/policy.js';
import { createRequestState } from '../access/request-state.js';
import { type Db, single } from '../db/client.js';
import type { Invitation } from '../db/schema/index.js';
import { citizen, department, invitation } from '../db/tables.js';
import { badInput, conflict, notConfigured, notFound } from './errors.js';
import type { InviteToAnswer } from './inputs/invitation.js';
import type { InstrumentCatalog } from './instrument-catalog.js';
import { composeInvitation, composeInvitationReminder } from './messages/compose.js';
import { isOptedOut } from './messages/opt-out.js';
import { cancelMessages, enqueueMessage } from './messages/outbox.js';

/** What issuing needs from the deployment (docs/family.md, docs/delivery.md). */
export interface InvitationSettings {
  /** Where links point (`<publicUrl>/svar#t=…`); null: invitations are refused. */
  publicUrl: string | null;
  /** Whether e-mail can leave (SMTP configured, or the demo mailbox). */
  emailEnabled: boolean;
}

const DEFAULT_VALID_DAYS = 7;
const DAY_MS = 86_400_000;
/** The instruments a family member answers on their own (never the session instrument). */
const answerableKinds: ReadonlySet<string> = new Set(['OUTCOME', 'GOAL']);

/**
 * Issues a single-use link for one family member (docs/family.md). The invitation row, its
 * message and the reminder are written in one transaction, so a link is never announced without
 * existing, nor stored without its message. Returns the link itself only for HAND_OVER.
 */
export async function inviteToAnswer(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  settings: InvitationSettings,
  input: InviteToAnswer,
  now: Date,
): Promise<{ invitation: Invitation; link: string | null }> {
  assertCaseWorker(actor);
  const departmentId = input.departmentId ?? actor.departmentId;
  if (!departmentId) throw badInput('Name the inviting department.', 'departmentId');
  assertActsFor(actor, departmentId);
  if (!settings.publicUrl) {
    throw notConfigured('Invitation links need the public address of Helhed (PUBLIC_URL).', 'PUBLIC_URL');
  }
  if (input.email && !settings.emailEnabled) {
    throw notConfigured('E-mail is not set up (SMTP_URL); hand the link over instead.', 'SMTP_URL');
  }
  const dept = (
    await db
      .select()
      .from(department)
      .where(and(eq(department.id, departmentId), eq(department.municipalityId, actor.municipalityId)))
  )[0];
  if (!dept) throw badInput('Unknown department.', 'departmentId');
  const invitee = (
    await db
      .select({ id: citizen.id })
      .from(citizen)
      .where(and(eq(citizen.id, input.inviteeId), eq(citizen.municipalityId, actor.municipalityId)))
  )[0];
  if (!invitee) throw badInput('inviteeId names no citizen.', 'inviteeId');

  const scope = input.questionnaire
    ? await questionnaireScope(db, actor, catalog, input.inviteeId, input.questionnaire, now)
    : await planScope(db, actor, input.inviteeId, input.planId ?? '');

  const token = newInvitationToken();
  const link = `${settings.publicUrl.replace(/\/$/, '')}/svar#t=${token}`;
  const validDays = input.validDays ?? DEFAULT_VALID_DAYS;
  const expiresAt = new Date(now.getTime() + validDays * DAY_MS);
  const language = input.language ?? 'da';
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .insert(invitation)
        .values({
          municipalityId: actor.municipalityId,
          tokenHash: invitationTokenHash(token),
          inviteeId: input.inviteeId,
          scope: scope.kind,
          subjectCitizenId: scope.kind === 'QUESTIONNAIRE' ? scope.citizenId : null,
          instrumentKey: scope.kind === 'QUESTIONNAIRE' ? scope.instrumentKey : null,
          planId: scope.kind === 'PLAN_GOALS' ? scope.planId : null,
          departmentId,
          language,
          delivery: input.email ? 'EMAIL' : 'HAND_OVER',
          createdBy: actor.subject,
          createdAt: now,
          expiresAt,
        })
        .returning(),
    );
    if (input.email) {
      const words = { language, link, departmentName: dept.name, expiresAt };
      await enqueueMessage(
        tx,
        {
          municipalityId: actor.municipalityId,
          kind: 'INVITATION',
          recipient: input.email,
          ...composeInvitation(words),
          dedupeKey: `invitation:${row.id}`,
          reference: row.id,
        },
        now,
      );
      // Half-way through its validity an unanswered link is recalled once, unless the invitee
      // said no to reminders; answering or revoking cancels it.
      const declined = await isOptedOut(
        tx,
        actor.municipalityId,
        { citizenId: input.inviteeId },
        'INVITATION_REMINDER',
      );
      if (!declined)
        await enqueueMessage(
          tx,
          {
            municipalityId: actor.municipalityId,
            kind: 'INVITATION_REMINDER',
            recipient: input.email,
            ...composeInvitationReminder(words),
            dedupeKey: `invitation-reminder:${row.id}`,
            reference: row.id,
            notBefore: new Date(now.getTime() + (expiresAt.getTime() - now.getTime()) / 2),
          },
          now,
        );
    }
    await recordAudits(
      tx,
      actor,
      scope.citizenIds.map((citizenId) => ({
        citizenId,
        action: 'inviteToAnswer',
        outcome: 'ALLOWED' as const,
      })),
      now,
    );
    return { invitation: row, link: input.email ? null : link };
  });
}

type Scope =
  | { kind: 'QUESTIONNAIRE'; citizenId: string; instrumentKey: string; citizenIds: string[] }
  | { kind: 'PLAN_GOALS'; planId: string; citizenIds: string[] };

/** One instrument about the invitee or the invitee's minor child, by a department with a case. */
async function questionnaireScope(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  inviteeId: string,
  q: { citizenId: string; instrumentKey: string },
  now: Date,
): Promise<Scope> {
  const definition = catalog.get(actor.municipalityId, q.instrumentKey);
  if (!definition) throw badInput(`Unknown instrument "${q.instrumentKey}".`, 'questionnaire.instrumentKey');
  if (!answerableKinds.has(definition.kind)) {
    throw badInput(
      'This instrument is answered in a session with a professional, not through a link.',
      'questionnaire.instrumentKey',
    );
  }
  await authorizeCitizenWrite(db, actor, q.citizenId, 'inviteToAnswer');
  const asInvitee = inviteeAs(
    actor.municipalityId,
    inviteeId,
    inviteeId === q.citizenId ? 'CITIZEN' : 'PARENT',
    now,
  );
  if (!(await mayAnswerAbout(db, asInvitee, q.citizenId))) {
    throw badInput(
      'The invitee must be the citizen, or a parent of the child the questionnaire is about.',
      'inviteeId',
    );
  }
  return {
    kind: 'QUESTIONNAIRE',
    citizenId: q.citizenId,
    instrumentKey: definition.key,
    citizenIds: [q.citizenId],
  };
}

/** A plan's goals, for its citizen or a parent of its family. */
async function planScope(db: Db, actor: Actor, inviteeId: string, planId: string): Promise<Scope> {
  const p = await authorizePlanWrite(db, actor, planId, 'inviteToAnswer');
  if (p.closedAt) throw badInput('This plan is closed.', 'planId');
  const members = await planMembers(db, p);
  const member = members.find((m) => m.citizenId === inviteeId);
  if (!member || (member.role !== 'PARENT' && member.role !== 'CITIZEN')) {
    throw badInput("The invitee must be the plan's citizen or a parent in its family.", 'inviteeId');
  }
  return { kind: 'PLAN_GOALS', planId: p.id, citizenIds: members.map((m) => m.citizenId) };
}

/** The invitee as the policy sees them, before any link exists: for the reach check only. */
function inviteeAs(municipalityId: string, inviteeId: string, role: 'PARENT' | 'CITIZEN', now: Date): Actor {
  return {
    subject: `invitee:${inviteeId}`,
    role,
    municipalityId,
    departmentId: null,
    departmentIds: [],
    citizenId: inviteeId,
    purpose: 'own-data',
    at: now,
    request: createRequestState(),
  };
}

/**
 * Withdraws a pending link: the inviting department (or a coordinator). Its unsent messages are
 * cancelled in the same transaction. CONFLICT when it is already used, expired or withdrawn.
 */
export async function revokeInvitation(
  db: Db,
  actor: Actor,
  invitationId: string,
  now: Date,
): Promise<Invitation> {
  assertCaseWorker(actor);
  const row = (
    await db
      .select()
      .from(invitation)
      .where(and(eq(invitation.id, invitationId), eq(invitation.municipalityId, actor.municipalityId)))
  )[0];
  if (!row) throw notFound('Invitation');
  const about = row.subjectCitizenId ?? row.inviteeId;
  await authorizeCitizenRead(db, actor, about, 'revokeInvitation');
  assertActsFor(actor, row.departmentId);
  const status = invitationStatus(row, now);
  if (status !== 'PENDING')
    throw conflict(`This invitation is ${status.toLowerCase()}; it can no longer be revoked.`);
  return db.transaction(async (tx) => {
    const updated = single(
      await tx
        .update(invitation)
        .set({ revokedAt: now, revokedBy: actor.subject })
        .where(eq(invitation.id, row.id))
        .returning(),
    );
    await cancelMessages(tx, row.municipalityId, row.id, ['INVITATION', 'INVITATION_REMINDER'], now);
    await recordAudit(tx, actor, { citizenId: about, action: 'revokeInvitation', outcome: 'ALLOWED' }, now);
    return updated;
  });
}

/**
 * Invitations to or about a citizen, newest first. A department-bound reader sees those of the
 * departments in its scope: an invitation tells which department works with the family.
 */
export async function invitationsOf(db: Db, actor: Actor, citizenId: string): Promise<Invitation[]> {
  assertCaseWorker(actor);
  const scope = await authorizeCitizenRead(db, actor, citizenId, 'invitations');
  const rows = await db
    .select()
    .from(invitation)
    .where(
      and(
        eq(invitation.municipalityId, actor.municipalityId),
        or(eq(invitation.inviteeId, citizenId), eq(invitation.subjectCitizenId, citizenId)),
      ),
    )
    .orderBy(desc(invitation.createdAt));
  return rows.filter((r) => scopeAllows(scope, r.departmentId));
}
