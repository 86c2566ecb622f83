import type { GoalRating, Plan } from '../../db/schema/index.js';
import {
  addGoalInput,
  createPlanInput,
  idArgs,
  parseInput,
  rateGoalInput,
} from '../../domain/inputs/commands.js';
import { addGoal, authorizePlan, createPlan, rateGoal } from '../../domain/plans.js';
import { fromTenths, gasTScore, goalProgress } from '../../domain/scoring/index.js';
import { type HelhedContext, requireActor } from '../context.js';
import { type GoalView, goalViewsOf } from '../goal-views.js';
import { publishGoalRated } from '../pubsub.js';

function goalViews(ctx: HelhedContext, planId: string): Promise<GoalView[]> {
  return goalViewsOf(ctx.db, planId);
}

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
    goals: (p: Plan, _: unknown, ctx: HelhedContext) => goalViews(ctx, p.id),
    goalAttainmentT: async (p: Plan, _: unknown, ctx: HelhedContext) => {
      const gas = (await goalViews(ctx, p.id)).filter(
        (g) => g.goal.instrumentKey === 'gas' && g.latest !== null,
      );
      return gas.length === 0
        ? null
        : gasTScore(gas.map((g) => ({ level: fromTenths(g.latest ?? 0), weight: g.goal.weight })));
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
  },
  GoalRating: {
    value: (r: GoalRating) => fromTenths(r.value),
    occurredAt: (r: GoalRating) => r.occurredAt.toISOString(),
  },
};
