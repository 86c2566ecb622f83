import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../access/audit.js';
import { assertMayChooseDigestFor, authorizeCitizenNotificationChoice } from '../../access/policy.js';
import type { Db } from '../../db/client.js';
import { notificationOptOut, professional } from '../../db/tables.js';
import { badInput, notFound } from '../errors.js';

/** A family member's reminders; invitations themselves always go out. */
export const citizenReminderKinds = ['MEETING_REMINDER', 'INVITATION_REMINDER'] as const;
/** A professional's daily digest. */
export const staffReminderKinds = ['DIGEST'] as const;
export type ReminderKind = (typeof citizenReminderKinds)[number] | (typeof staffReminderKinds)[number];

export interface ReminderChoice {
  kind: ReminderKind;
  enabled: boolean;
}

export type Recipient = { citizenId: string } | { professionalId: string };

/** Whose choice: a family member (citizenId) or a member of staff (professionalId). */
export interface ChoiceTarget {
  citizenId?: string | null | undefined;
  professionalId?: string | null | undefined;
}

const whose = (municipalityId: string, who: Recipient) =>
  and(
    eq(notificationOptOut.municipalityId, municipalityId),
    'citizenId' in who
      ? eq(notificationOptOut.citizenId, who.citizenId)
      : eq(notificationOptOut.professionalId, who.professionalId),
  );

/** True when the person turned this kind of message off. Reminder producers ask before enqueueing. */
export async function isOptedOut(
  db: Db,
  municipalityId: string,
  who: Recipient,
  kind: ReminderKind,
): Promise<boolean> {
  const row = (
    await db
      .select({ id: notificationOptOut.id })
      .from(notificationOptOut)
      .where(and(whose(municipalityId, who), eq(notificationOptOut.kind, kind)))
  )[0];
  return row !== undefined;
}

/** Of these citizens, those who turned this kind off. */
export async function citizensOptedOut(
  db: Db,
  municipalityId: string,
  citizenIds: readonly string[],
  kind: ReminderKind,
): Promise<Set<string>> {
  if (citizenIds.length === 0) return new Set();
  const rows = await db
    .select({ c: notificationOptOut.citizenId })
    .from(notificationOptOut)
    .where(
      and(
        eq(notificationOptOut.municipalityId, municipalityId),
        eq(notificationOptOut.kind, kind),
        inArray(notificationOptOut.citizenId, [...citizenIds]),
      ),
    );
  return new Set(rows.map((r) => r.c).filter((c): c is string => c !== null));
}

/** Every professional of every municipality who turned this kind off. */
export async function professionalsOptedOut(db: Db, kind: ReminderKind): Promise<Set<string>> {
  const rows = await db
    .select({ p: notificationOptOut.professionalId })
    .from(notificationOptOut)
    .where(and(eq(notificationOptOut.kind, kind), isNotNull(notificationOptOut.professionalId)));
  return new Set(rows.map((r) => r.p).filter((p): p is string => p !== null));
}

/**
 * Resolves and authorises whose choices these are: a citizen (the actor themself by default for
 * PARENT and CITIZEN) or a staff record (the actor's own by default). Audited by the gate.
 */
async function authorizeTarget(
  db: Db,
  actor: Actor,
  target: ChoiceTarget,
  action: string,
): Promise<Recipient> {
  if (target.citizenId && target.professionalId) {
    throw badInput('Give citizenId or professionalId, not both.', 'professionalId');
  }
  const citizenId = target.citizenId ?? (target.professionalId ? null : actor.citizenId);
  if (citizenId) {
    await authorizeCitizenNotificationChoice(db, actor, citizenId, action);
    return { citizenId };
  }
  const own = (
    await db
      .select({ id: professional.id })
      .from(professional)
      .where(
        and(eq(professional.municipalityId, actor.municipalityId), eq(professional.subject, actor.subject)),
      )
  )[0];
  const professionalId = target.professionalId ?? own?.id;
  assertMayChooseDigestFor(actor, !target.professionalId || target.professionalId === own?.id);
  const found =
    professionalId &&
    (
      await db
        .select({ id: professional.id })
        .from(professional)
        .where(
          and(eq(professional.municipalityId, actor.municipalityId), eq(professional.id, professionalId)),
        )
    )[0];
  if (!found) throw notFound('Staff record');
  await recordAudit(db, actor, { citizenId: null, action, outcome: 'ALLOWED', detail: 'digest' });
  return { professionalId: found.id };
}

function kindsFor(who: Recipient): readonly ReminderKind[] {
  return 'citizenId' in who ? citizenReminderKinds : staffReminderKinds;
}

async function choicesOf(db: Db, municipalityId: string, who: Recipient): Promise<ReminderChoice[]> {
  const off = new Set(
    (
      await db
        .select({ kind: notificationOptOut.kind })
        .from(notificationOptOut)
        .where(whose(municipalityId, who))
    ).map((r) => r.kind),
  );
  return kindsFor(who).map((kind) => ({ kind, enabled: !off.has(kind) }));
}

/** A person's reminder choices, as the policy lets the actor see them. */
export async function readReminderChoices(
  db: Db,
  actor: Actor,
  target: ChoiceTarget,
): Promise<ReminderChoice[]> {
  const who = await authorizeTarget(db, actor, target, 'reminderChoices');
  return choicesOf(db, actor.municipalityId, who);
}

/** Turns a kind of message off (an opt-out row) or on again; audited with the change. */
export async function setReminderChoice(
  db: Db,
  actor: Actor,
  input: ChoiceTarget & { kind: ReminderKind; enabled: boolean },
  now: Date,
): Promise<ReminderChoice[]> {
  // Checked before the gate, so a refused choice leaves no ALLOWED audit row behind.
  const forCitizen = Boolean(input.citizenId ?? (input.professionalId ? null : actor.citizenId));
  const kinds: readonly ReminderKind[] = forCitizen ? citizenReminderKinds : staffReminderKinds;
  if (!kinds.includes(input.kind)) {
    throw badInput(forCitizen ? 'A family member has no digest.' : 'Staff choose only the digest.', 'kind');
  }
  const who = await authorizeTarget(db, actor, input, 'setReminderChoice');
  await db.transaction(async (tx) => {
    if (input.enabled) {
      await tx
        .delete(notificationOptOut)
        .where(and(whose(actor.municipalityId, who), eq(notificationOptOut.kind, input.kind)));
    } else {
      await tx
        .insert(notificationOptOut)
        .values({
          municipalityId: actor.municipalityId,
          citizenId: 'citizenId' in who ? who.citizenId : null,
          professionalId: 'professionalId' in who ? who.professionalId : null,
          kind: input.kind,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
    await recordAudit(
      tx,
      actor,
      {
        citizenId: 'citizenId' in who ? who.citizenId : null,
        action: 'setReminderChoice',
        outcome: 'ALLOWED',
        detail: `${input.kind}:${input.enabled ? 'on' : 'off'}`,
      },
      now,
    );
  });
  return choicesOf(db, actor.municipalityId, who);
}
