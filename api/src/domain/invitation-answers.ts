import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import {
  assertPending,
  invitationByToken,
  invitationStatus,
  inviteeActor,
} from '../access/invitation-link.js';
import { planMembers } from '../access/plan-members.js';
import { authorizeCitizenRead, authorizePlanRead } from '../access/policy.js';
import type { Db } from '../db/client.js';
import type { Goal, GoalRating, Invitation, Measurement } from '../db/schema/index.js';
import { citizen, department, goal, goalRating, invitation, measurement, plan } from '../db/tables.js';
import { badInput, invitationInvalid } from './errors.js';
import type { AnswerInvitation } from './inputs/invitation.js';
import type { InstrumentCatalog } from './instrument-catalog.js';
import type { InstrumentDefinition } from './instruments/index.js';
import { recordMeasurement } from './measurements.js';
import { cancelMessages } from './messages/outbox.js';
import { rateGoal, scaleValue } from './plans.js';

/** What a link shows: only what it was issued for (docs/family.md). */
export interface InvitationView {
  invitation: Invitation;
  departmentName: string;
  instrument: InstrumentDefinition | null;
  goals: { goal: Goal; subjectName: string | null; definition: InstrumentDefinition }[];
}

export interface InvitationAnswer {
  measurement: Measurement | null;
  ratings: GoalRating[];
}

/**
 * Opens a link: the invitee reads what it covers, through the access policy and audited as the
 * invitee. Refused (INVITATION_INVALID with the reason) once used, expired or revoked.
 */
export async function viewInvitation(
  db: Db,
  catalog: InstrumentCatalog,
  token: string,
  now: Date,
): Promise<InvitationView> {
  const row = await invitationByToken(db, token);
  assertPending(row, now);
  const actor = await actorFor(db, row, now);
  const departmentName =
    (await db.select().from(department).where(eq(department.id, row.departmentId)))[0]?.name ?? '';
  if (row.scope === 'QUESTIONNAIRE') {
    await authorizeCitizenRead(db, actor, row.subjectCitizenId ?? '', 'invitation');
    return {
      invitation: row,
      departmentName,
      instrument: definitionOf(catalog, row, row.instrumentKey ?? ''),
      goals: [],
    };
  }
  await authorizePlanRead(db, actor, row.planId ?? '', 'invitation');
  const goals = await activeGoals(db, row);
  const names = await firstNames(
    db,
    goals.map((g) => g.subjectCitizenId),
  );
  return {
    invitation: row,
    departmentName,
    instrument: null,
    goals: goals.map((g) => ({
      goal: g,
      subjectName: g.subjectCitizenId ? (names.get(g.subjectCitizenId) ?? null) : null,
      definition: definitionOf(catalog, row, g.instrumentKey),
    })),
  };
}

/**
 * Answers through a link, all or nothing: the link is used up in the same transaction as the
 * answer it carries. The same idempotency key again returns what was stored; any other use of a
 * used link is refused.
 */
export async function answerInvitation(
  db: Db,
  catalog: InstrumentCatalog,
  input: AnswerInvitation,
  now: Date,
): Promise<InvitationAnswer> {
  const row = await invitationByToken(db, input.token);
  if (row.usedAt && row.answerKey === input.idempotencyKey) return storedAnswer(db, row);
  assertPending(row, now);
  const actor = await actorFor(db, row, now);
  const ratings = row.scope === 'PLAN_GOALS' ? await checkedRatings(db, catalog, row, input) : [];
  if (row.scope === 'QUESTIONNAIRE' && !input.values) {
    throw badInput('This link is for a questionnaire: give its values.', 'values');
  }
  if (row.scope === 'QUESTIONNAIRE' && input.ratings) {
    throw badInput('This link is for a questionnaire, not goals.', 'ratings');
  }
  const answered = await db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitation)
      .set({ usedAt: now, answerKey: input.idempotencyKey })
      .where(and(eq(invitation.id, row.id), isNull(invitation.usedAt), isNull(invitation.revokedAt)))
      .returning({ id: invitation.id });
    // Another request used the link between our check and now: it is that request's answer.
    if (claimed.length === 0) return null;
    await cancelMessages(tx, row.municipalityId, row.id, ['INVITATION_REMINDER'], now);
    if (row.scope === 'QUESTIONNAIRE') {
      const stored = await recordMeasurement(
        tx,
        actor,
        catalog,
        {
          idempotencyKey: answerKeyOf(row),
          citizenId: row.subjectCitizenId ?? '',
          departmentId: row.departmentId,
          instrumentKey: row.instrumentKey ?? '',
          respondentRole: respondentRoleOf(row, actor, catalog),
          occurredAt: now,
          values: input.values ?? [],
          channel: 'INVITATION',
        },
        now,
      );
      return { measurement: stored, ratings: [] };
    }
    const stored: GoalRating[] = [];
    for (const r of ratings) {
      stored.push(
        await rateGoal(
          tx,
          actor,
          catalog,
          {
            idempotencyKey: `${answerKeyOf(row)}:${r.goalId}`,
            goalId: r.goalId,
            raterRole: actor.role,
            value: r.value,
            occurredAt: now,
            channel: 'INVITATION',
          },
          now,
        ),
      );
    }
    return { measurement: null, ratings: stored };
  });
  if (answered) return answered;
  const winner = await invitationByToken(db, input.token);
  if (winner.usedAt && winner.answerKey === input.idempotencyKey) return storedAnswer(db, winner);
  const status = invitationStatus(winner, now);
  throw invitationInvalid(status === 'PENDING' ? 'USED' : status);
}

const answerKeyOf = (row: Invitation) => `invitation:${row.id}`;

/** PARENT when answering about a child or for a family plan; else the citizen themself. */
async function actorFor(db: Db, row: Invitation, now: Date): Promise<Actor> {
  if (row.scope === 'QUESTIONNAIRE') {
    return inviteeActor(row, row.subjectCitizenId === row.inviteeId ? 'CITIZEN' : 'PARENT', now);
  }
  const p = (
    await db
      .select()
      .from(plan)
      .where(eq(plan.id, row.planId ?? ''))
  )[0];
  const member = p ? (await planMembers(db, p)).find((m) => m.citizenId === row.inviteeId) : undefined;
  return inviteeActor(row, member?.role === 'PARENT' ? 'PARENT' : 'CITIZEN', now);
}

function respondentRoleOf(
  row: Invitation,
  actor: Actor,
  catalog: InstrumentCatalog,
): 'CITIZEN' | 'CHILD' | 'PARENT' {
  if (actor.role === 'PARENT') return 'PARENT';
  return catalog.get(row.municipalityId, row.instrumentKey ?? '')?.audience === 'CHILD' ? 'CHILD' : 'CITIZEN';
}

function definitionOf(catalog: InstrumentCatalog, row: Invitation, key: string): InstrumentDefinition {
  const definition = catalog.get(row.municipalityId, key);
  // The catalogue lost an instrument a link was issued for: the link cannot be answered.
  if (!definition) throw invitationInvalid('UNKNOWN');
  return definition;
}

async function activeGoals(db: Db, row: Invitation): Promise<Goal[]> {
  return db
    .select()
    .from(goal)
    .where(
      and(
        eq(goal.planId, row.planId ?? ''),
        eq(goal.municipalityId, row.municipalityId),
        eq(goal.status, 'ACTIVE'),
      ),
    )
    .orderBy(goal.createdAt);
}

/** Goals are shown with the first name of whom they are about, nothing more. */
async function firstNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: citizen.id, name: citizen.displayName })
    .from(citizen)
    .where(inArray(citizen.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name.split(/\s+/)[0] ?? r.name]));
}

/** Every rating names an active goal of the plan once, on the goal's scale; nothing is written before. */
async function checkedRatings(
  db: Db,
  catalog: InstrumentCatalog,
  row: Invitation,
  input: AnswerInvitation,
): Promise<{ goalId: string; value: number }[]> {
  if (!input.ratings) throw badInput("This link is for the plan's goals: give ratings.", 'ratings');
  if (input.values) throw badInput("This link is for the plan's goals, not a questionnaire.", 'values');
  const goals = new Map((await activeGoals(db, row)).map((g) => [g.id, g]));
  const seen = new Set<string>();
  input.ratings.forEach((r, i) => {
    const g = goals.get(r.goalId);
    if (!g || seen.has(r.goalId)) {
      throw badInput(
        g ? 'Each goal is rated once.' : 'This link does not cover that goal.',
        `ratings.${i}.goalId`,
      );
    }
    seen.add(r.goalId);
    scaleValue(definitionOf(catalog, row, g.instrumentKey), r.value, `ratings.${i}.value`);
  });
  return input.ratings;
}

/** A replay: the answer stored under the link's keys. */
async function storedAnswer(db: Db, row: Invitation): Promise<InvitationAnswer> {
  const key = answerKeyOf(row);
  if (row.scope === 'QUESTIONNAIRE') {
    const m = (
      await db
        .select()
        .from(measurement)
        .where(
          and(
            eq(measurement.municipalityId, row.municipalityId),
            eq(measurement.departmentId, row.departmentId),
            eq(measurement.idempotencyKey, key),
          ),
        )
    )[0];
    return { measurement: m ?? null, ratings: [] };
  }
  const ratings = await db
    .select()
    .from(goalRating)
    .where(
      and(eq(goalRating.municipalityId, row.municipalityId), eq(goalRating.raterId, `invitation:${row.id}`)),
    )
    .orderBy(goalRating.recordedAt);
  return { measurement: null, ratings };
}
