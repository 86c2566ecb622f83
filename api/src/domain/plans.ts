import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import {
  assertCaseWorker,
  assertMayRateAs,
  authorizeCitizenWrite,
  authorizeFamilyWrite,
  authorizePlanRead,
  authorizePlanWrite,
} from '../access/policy.js';
import { type Db, single } from '../db/client.js';
import type { AnswerChannel, Goal, GoalRating, Plan } from '../db/schema/index.js';
import { department, goal, goalDepartment, goalRating, plan } from '../db/tables.js';
import { badInput, conflict, notFound } from './errors.js';
import type { InstrumentCatalog } from './instrument-catalog.js';
import { assertRatableInMeeting } from './meeting-ratings.js';
import {
  activePlanOf,
  asSecondPlan,
  assertCoordinator,
  type PlanOwner,
  secondPlan,
} from './plan-lifecycle.js';
import { ScoringInputError, scoreMeasurement } from './scoring/index.js';
import { enteredToTenths } from './tenths.js';

/** Opens a plan for the actor, or NOT_FOUND if it is out of reach (policy.authorizePlanRead). */
export const authorizePlan = (db: Db, actor: Actor, planId: string, action: string): Promise<Plan> =>
  authorizePlanRead(db, actor, planId, action);

/**
 * A plan by id, or by one of its goals, without the gate: for announcing a change that was made
 * through it (graphql/pubsub.ts), never for showing the plan.
 */
export async function planById(db: Db, id: string): Promise<Plan | undefined> {
  return (await db.select().from(plan).where(eq(plan.id, id)))[0];
}

export async function planOfGoal(db: Db, goalId: string): Promise<Plan | undefined> {
  return (
    await db.select({ plan }).from(goal).innerJoin(plan, eq(plan.id, goal.planId)).where(eq(goal.id, goalId))
  )[0]?.plan;
}

export async function createPlan(
  db: Db,
  actor: Actor,
  input: { citizenId?: string | null; familyId?: string | null; coordinatorId?: string | null },
  now: Date,
): Promise<Plan> {
  assertCaseWorker(actor);
  if (input.coordinatorId) await assertCoordinator(db, actor, input.coordinatorId, 'coordinatorId');
  if (input.citizenId) await authorizeCitizenWrite(db, actor, input.citizenId, 'createPlan');
  if (input.familyId) await authorizeFamilyWrite(db, actor, input.familyId, 'createPlan');
  const owner: PlanOwner = input.citizenId
    ? { citizenId: input.citizenId }
    : { familyId: input.familyId ?? '' };
  // One plan (seed 001): a second active plan is refused here, and by the database's partial
  // unique indexes when two requests race past this check.
  const existing = await activePlanOf(db, actor.municipalityId, owner);
  if (existing) throw secondPlan(owner, existing);
  try {
    return await db.transaction(async (tx) => {
      const row = single(
        await tx
          .insert(plan)
          .values({
            municipalityId: actor.municipalityId,
            citizenId: input.citizenId ?? null,
            familyId: input.familyId ?? null,
            coordinatorId: input.coordinatorId ?? null,
            createdAt: now,
          })
          .returning(),
      );
      await recordAudit(
        tx,
        actor,
        { citizenId: input.citizenId ?? null, action: 'createPlan', outcome: 'ALLOWED' },
        now,
      );
      return row;
    });
  } catch (error) {
    throw await asSecondPlan(db, actor.municipalityId, owner, error);
  }
}

export interface NewGoal {
  planId: string;
  text: string;
  departmentIds: string[];
  instrumentKey: string;
  baseline: number;
  target: number;
  weight?: number | null | undefined;
}

export async function addGoal(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  input: NewGoal,
  now: Date,
): Promise<Goal> {
  assertCaseWorker(actor);
  const owner = await authorizePlanWrite(db, actor, input.planId, 'addGoal');
  const definition = catalog.get(actor.municipalityId, input.instrumentKey);
  if (definition?.items.length !== 1) {
    throw badInput(
      `Instrument "${input.instrumentKey}" cannot rate a goal: use a one-line scale such as goal-scale or gas.`,
      'instrumentKey',
    );
  }
  const baseline = scaleValue(definition, input.baseline, 'baseline');
  const target = scaleValue(definition, input.target, 'target');
  if (baseline === target) throw badInput('target must differ from baseline.', 'target');
  const departmentIds = [...new Set(input.departmentIds)];
  const known = await db
    .select({ id: department.id })
    .from(department)
    .where(and(eq(department.municipalityId, actor.municipalityId), inArray(department.id, departmentIds)));
  if (known.length !== departmentIds.length) throw badInput('Unknown department.', 'departmentIds');
  return db.transaction(async (tx) => {
    const row = single(
      await tx
        .insert(goal)
        .values({
          municipalityId: actor.municipalityId,
          planId: owner.id,
          subjectCitizenId: owner.citizenId,
          text: input.text,
          instrumentKey: definition.key,
          baseline,
          target,
          weight: input.weight ?? 1,
          createdAt: now,
        })
        .returning(),
    );
    await tx
      .insert(goalDepartment)
      .values(departmentIds.map((departmentId) => ({ goalId: row.id, departmentId })));
    await recordAudit(tx, actor, { citizenId: owner.citizenId, action: 'addGoal', outcome: 'ALLOWED' }, now);
    return row;
  });
}

/** A value on a one-line instrument's scale, checked by the same scoring code as measurements. */
export function scaleValue(
  definition: Parameters<typeof scoreMeasurement>[0],
  value: number,
  field: string,
): number {
  const tenths = enteredToTenths(value, field);
  try {
    return scoreMeasurement(definition, [tenths]).total;
  } catch (error) {
    if (error instanceof ScoringInputError) throw badInput(`${field}: ${error.message}`, field);
    throw error;
  }
}

export interface NewGoalRating {
  idempotencyKey: string;
  goalId: string;
  raterRole: string;
  value: number;
  occurredAt: Date;
  meetingId?: string | null | undefined;
  participantId?: string | null | undefined;
  /** Set by the invitation path only; otherwise derived from the meeting and the rater. */
  channel?: 'INVITATION' | undefined;
}

export async function rateGoal(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  input: NewGoalRating,
  now: Date,
): Promise<GoalRating> {
  assertMayRateAs(actor, input.raterRole);
  const existing = (await ratingsByKey(db, actor.municipalityId, input.idempotencyKey))[0];
  // A key is the rater's own: another's key, or the same key for another rating, is CONFLICT
  // and reveals nothing of the stored rating (not its goal, value or rater).
  if (existing && !sameRater(existing, actor, input)) throw keyReused();
  const target = (
    await db
      .select()
      .from(goal)
      .where(and(eq(goal.id, input.goalId), eq(goal.municipalityId, actor.municipalityId)))
  )[0];
  if (!target) throw notFound('Goal');
  await authorizePlanWrite(db, actor, target.planId, 'rateGoal');
  if (existing) {
    const definition = catalog.get(actor.municipalityId, target.instrumentKey);
    if (!definition || scaleValue(definition, input.value, 'value') !== existing.value) throw keyReused();
    return existing;
  }
  if (target.status !== 'ACTIVE') throw badInput('This goal is closed; it can no longer be rated.', 'goalId');
  if (input.meetingId) {
    await assertRatableInMeeting(
      db,
      actor.municipalityId,
      target.planId,
      input.meetingId,
      input.participantId,
    );
  } else if (input.participantId) {
    throw badInput('participantId needs the meetingId of the meeting.', 'participantId');
  }
  const definition = catalog.get(actor.municipalityId, target.instrumentKey);
  if (!definition) throw badInput(`Unknown instrument "${target.instrumentKey}".`, 'goalId');
  const value = scaleValue(definition, input.value, 'value');
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .insert(goalRating)
        .values({
          municipalityId: actor.municipalityId,
          goalId: target.id,
          raterRole: input.raterRole,
          raterId: actor.subject,
          value,
          occurredAt: input.occurredAt,
          recordedAt: now,
          meetingId: input.meetingId ?? null,
          participantId: input.participantId ?? null,
          idempotencyKey: input.idempotencyKey,
          channel: ratingChannel(actor, input),
        })
        .onConflictDoNothing({ target: [goalRating.municipalityId, goalRating.idempotencyKey] })
        .returning()
    )[0];
    // A concurrent request with the same key (perhaps on another instance) won: answer with its
    // row if it is this request, else CONFLICT.
    if (!row) {
      const winner = single(await ratingsByKey(tx, actor.municipalityId, input.idempotencyKey));
      if (!sameRater(winner, actor, input) || winner.value !== value) throw keyReused();
      return winner;
    }
    await recordAudit(
      tx,
      actor,
      { citizenId: target.subjectCitizenId, action: 'rateGoal', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/** In a meeting; else the family member's own rating, or a professional's entry (docs/family.md). */
function ratingChannel(actor: Actor, input: NewGoalRating): AnswerChannel {
  if (input.meetingId) return 'MEETING';
  if (input.channel) return input.channel;
  return actor.role === 'PARENT' || actor.role === 'CITIZEN' ? 'SELF' : 'SESSION';
}

const keyReused = () => conflict('This idempotency key was already used for a different request.');

function sameRater(existing: GoalRating, actor: Actor, input: NewGoalRating): boolean {
  return (
    existing.raterId === actor.subject &&
    existing.goalId === input.goalId &&
    existing.raterRole === input.raterRole &&
    existing.occurredAt.getTime() === input.occurredAt.getTime() &&
    (existing.meetingId ?? null) === (input.meetingId ?? null) &&
    (existing.participantId ?? null) === (input.participantId ?? null)
  );
}

const ratingsByKey = (db: Db, municipalityId: string, key: string) =>
  db
    .select()
    .from(goalRating)
    .where(and(eq(goalRating.municipalityId, municipalityId), eq(goalRating.idempotencyKey, key)));

/** Goals of a plan with their ratings, in two queries whatever the number of goals. */
export async function planGoals(
  db: Db,
  planId: string,
): Promise<{ goal: Goal; ratings: GoalRating[]; departmentIds: string[] }[]> {
  const goals = await db.select().from(goal).where(eq(goal.planId, planId)).orderBy(asc(goal.createdAt));
  if (goals.length === 0) return [];
  const ids = goals.map((g) => g.id);
  const ratings = await db
    .select()
    .from(goalRating)
    .where(inArray(goalRating.goalId, ids))
    .orderBy(asc(goalRating.occurredAt));
  const owners = await db.select().from(goalDepartment).where(inArray(goalDepartment.goalId, ids));
  return goals.map((g) => ({
    goal: g,
    ratings: ratings.filter((r) => r.goalId === g.id),
    departmentIds: owners.filter((o) => o.goalId === g.id).map((o) => o.departmentId),
  }));
}
