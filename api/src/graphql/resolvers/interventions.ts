import type { Professional } from '../../db/schema/index.js';
import { updateGoal } from '../../domain/goals.js';
import { addInterventionInput, parseInput, updateGoalInput } from '../../domain/inputs/commands.js';
import { addIntervention, type InterventionWithGoals } from '../../domain/interventions.js';
import { isActiveOn } from '../../domain/plan-analysis.js';
import { type HelhedContext, requireActor } from '../context.js';
import { type GoalView, goalViewsOf } from '../goal-views.js';
import { today } from '../visible-interventions.js';

/** Interventions and goal changes (a plan's analysis is resolved with the Plan, resolvers/plan.ts). */
export const interventionResolvers = {
  Mutation: {
    addIntervention: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      addIntervention(ctx.db, requireActor(ctx), parseInput(addInterventionInput, args.input), ctx.now()),
    updateGoal: async (
      _: unknown,
      args: { input: unknown },
      ctx: HelhedContext,
    ): Promise<GoalView | undefined> => {
      const row = await updateGoal(
        ctx.db,
        requireActor(ctx),
        parseInput(updateGoalInput, args.input),
        ctx.now(),
      );
      // Straight from the database: a loader may hold the plan as it was before this change.
      return (await goalViewsOf(ctx.db, row.planId)).find((g) => g.goal.id === row.id);
    },
  },
  Intervention: {
    department: (iv: InterventionWithGoals, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(iv.departmentId),
    responsibleProfessional: (iv: InterventionWithGoals, _: unknown, ctx: HelhedContext) =>
      iv.responsibleProfessionalId ? ctx.loaders.professional.load(iv.responsibleProfessionalId) : null,
    goals: async (iv: InterventionWithGoals, _: unknown, ctx: HelhedContext) =>
      (await ctx.loaders.goalViews.load(iv.planId)).filter((g) => iv.goalIds.includes(g.goal.id)),
    active: (iv: InterventionWithGoals, _: unknown, ctx: HelhedContext) => isActiveOn(iv, today(ctx)),
  },
  Professional: {
    department: (p: Professional, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(p.departmentId),
  },
};
