import { planMembers } from '../../access/plan-members.js';
import type { GoalRating, Plan } from '../../db/schema/index.js';
import {
  addGoalInput,
  createPlanInput,
  idArgs,
  parseInput,
  rateGoalInput,
  timelineArgs,
} from '../../domain/inputs/commands.js';
import { readPlanEconomy } from '../../domain/plan-costs.js';
import { addGoal, authorizePlan, createPlan, rateGoal } from '../../domain/plans.js';
import { fromTenths, gasTScore, goalProgress } from '../../domain/scoring/index.js';
import { planTimeline } from '../../domain/timeline.js';
import { outsideMeeting } from '../answer-channel.js';
import { type HelhedContext, requireActor } from '../context.js';
import { type GoalView, goalViewsOf } from '../goal-views.js';
import { publishGoalRated } from '../pubsub.js';
import { planAnalysis, visibleInterventions } from '../visible-interventions.js';

/**
 * The plan: opening, creating and rating it, and every field of the Plan, Goal and GoalRating
 * types (the one place each is resolved). A plan's fields are read once the plan was opened
 * through the gate (authorizePlan); those that show citizens' records filter by the caller's
 * scope again (interventions, economy, timeline).
 */
export const planResolvers = {
  Query: {
    plan: (_: unknown, args: unknown, ctx: HelhedContext) =>
      authorizePlan(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, 'plan'),
  },
  Mutation: {
    createPlan: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      createPlan(ctx.db, requireActor(ctx), parseInput(createPlanInput, args.input), ctx.now()),
    addGoal: async (_: unknown, args: { input: unknown }, ctx: HelhedContext): Promise<GoalView> => {
      const input = parseInput(addGoalInput, args.input);
      const goal = await addGoal(ctx.db, requireActor(ctx), ctx.instruments, input, ctx.now());
      return {
        goal,
        departmentIds: [...new Set(input.departmentIds)],
        latest: null,
        spread: null,
        disagreement: false,
      };
    },
    rateGoal: async (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const rating = await rateGoal(
        ctx.db,
        requireActor(ctx),
        ctx.instruments,
        parseInput(rateGoalInput(now), args.input),
        now,
      );
      await publishGoalRated(ctx.db, rating, now);
      return rating;
    },
  },
  Plan: {
    // Straight from the database, not the loader: a mutation's answer shows its own change.
    goals: (p: Plan, _: unknown, ctx: HelhedContext) => goalViewsOf(ctx.db, p.id),
    goalAttainmentT: async (p: Plan, _: unknown, ctx: HelhedContext) => {
      const gas = (await goalViewsOf(ctx.db, p.id)).filter(
        (g) => g.goal.instrumentKey === 'gas' && g.latest !== null,
      );
      return gas.length === 0
        ? null
        : gasTScore(gas.map((g) => ({ level: fromTenths(g.latest ?? 0), weight: g.goal.weight })));
    },
    members: async (p: Plan, _: unknown, ctx: HelhedContext) => {
      const members = await planMembers(ctx.db, p);
      const people = await ctx.loaders.citizen.loadMany(members.map((m) => m.citizenId));
      const names = new Map<string, string>();
      for (const c of people) if (c && !(c instanceof Error)) names.set(c.id, c.displayName);
      return members.map((m) => ({
        id: m.citizenId,
        displayName: names.get(m.citizenId) ?? '',
        familyRole: p.familyId ? m.role : null,
      }));
    },
    coordinator: (p: Plan, _: unknown, ctx: HelhedContext) =>
      p.coordinatorId ? ctx.loaders.professional.load(p.coordinatorId) : null,
    closedAt: (p: Plan) => p.closedAt?.toISOString() ?? null,
    timeline: (p: Plan, args: unknown, ctx: HelhedContext) =>
      planTimeline(ctx.db, requireActor(ctx), p, parseInput(timelineArgs, args)),
    meetings: (p: Plan, _: unknown, ctx: HelhedContext) => ctx.loaders.meetings.load(p.id),
    economy: (p: Plan, _: unknown, ctx: HelhedContext) =>
      readPlanEconomy(ctx.db, requireActor(ctx), p.id, ctx.now()),
    interventions: (p: Plan, _: unknown, ctx: HelhedContext) => visibleInterventions(p, ctx),
    contactPoints: async (p: Plan, _: unknown, ctx: HelhedContext) =>
      (await planAnalysis(p, ctx)).analysis.contactPoints,
    parallelInterventions: async (p: Plan, _: unknown, ctx: HelhedContext) => {
      const { analysis, goalsOf, interventionsOf } = await planAnalysis(p, ctx);
      return analysis.parallel.map((pair) => ({
        first: interventionsOf([pair.firstId])[0],
        second: interventionsOf([pair.secondId])[0],
        sharedGoals: goalsOf(pair.sharedGoalIds),
        overlapFrom: pair.overlapFrom,
        overlapTo: pair.overlapTo,
      }));
    },
    unservedGoals: async (p: Plan, _: unknown, ctx: HelhedContext) => {
      const { analysis, goalsOf } = await planAnalysis(p, ctx);
      return goalsOf(analysis.unservedGoalIds);
    },
    interventionsWithoutGoal: async (p: Plan, _: unknown, ctx: HelhedContext) => {
      const { analysis, interventionsOf } = await planAnalysis(p, ctx);
      return interventionsOf(analysis.interventionsWithoutGoalIds);
    },
    dominantGoal: async (p: Plan, _: unknown, ctx: HelhedContext) => {
      const { analysis, goalsOf } = await planAnalysis(p, ctx);
      return analysis.dominantGoalId ? (goalsOf([analysis.dominantGoalId])[0] ?? null) : null;
    },
  },
  Goal: {
    id: (g: GoalView) => g.goal.id,
    text: (g: GoalView) => g.goal.text,
    instrumentKey: (g: GoalView) => g.goal.instrumentKey,
    status: (g: GoalView) => g.goal.status,
    dominant: (g: GoalView) => g.goal.dominant,
    baseline: (g: GoalView) => fromTenths(g.goal.baseline),
    target: (g: GoalView) => fromTenths(g.goal.target),
    weight: (g: GoalView) => g.goal.weight,
    departments: (g: GoalView, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.loadMany(g.departmentIds),
    latest: (g: GoalView) => (g.latest === null ? null : fromTenths(g.latest)),
    progress: (g: GoalView) => goalProgress(g.goal.baseline, g.goal.target, g.latest),
    spread: (g: GoalView) => (g.spread === null ? null : fromTenths(g.spread)),
    disagreement: (g: GoalView) => g.disagreement,
    /** Whom a family plan's goal is about: the member's name and role in the family. */
    subject: async (g: GoalView, _: unknown, ctx: HelhedContext) => {
      const id = g.goal.subjectCitizenId;
      if (!id) return null;
      const row = await ctx.loaders.citizen.load(id);
      if (!row) return null;
      const member = (await ctx.loaders.familyMembers.load(g.goal.planId)).find((m) => m.citizenId === id);
      return { id: row.id, displayName: row.displayName, familyRole: member?.role ?? null };
    },
  },
  GoalRating: {
    value: (r: GoalRating) => fromTenths(r.value),
    occurredAt: (r: GoalRating) => r.occurredAt.toISOString(),
    outsideMeeting,
  },
};
