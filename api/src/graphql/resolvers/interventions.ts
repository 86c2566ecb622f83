import { type DepartmentScope, planDepartmentScope, scopeAllows } from '../../access/policy.js';
import type { Plan, Professional } from '../../db/schema/index.js';
import { todayIn } from '../../domain/calendar.js';
import { updateGoal } from '../../domain/goals.js';
import { addInterventionInput, parseInput, updateGoalInput } from '../../domain/inputs/commands.js';
import { addIntervention, type InterventionWithGoals } from '../../domain/interventions.js';
import { analysePlan, isActiveOn } from '../../domain/plan-analysis.js';
import type { HelhedContext } from '../context.js';
import { requireActor } from '../context.js';
import type { GoalView } from '../goal-views.js';
import { goalViewsOf } from '../goal-views.js';

/** Today in the municipality's calendar (Europe/Copenhagen), by the request's clock. */
const today = (ctx: HelhedContext) => todayIn(ctx.now);

/** Per request and plan: whose interventions the caller may see (policy.planDepartmentScope). */
const scopes = new WeakMap<HelhedContext, Map<string, DepartmentScope>>();

/**
 * The plan's interventions the caller may see: all for the coordinator and the family; for a
 * professional their own department's and those of departments consenting towards it.
 */
async function visibleInterventions(p: Plan, ctx: HelhedContext): Promise<InterventionWithGoals[]> {
  const all = await ctx.loaders.interventions.load(p.id);
  const byPlan = scopes.get(ctx) ?? new Map<string, DepartmentScope>();
  scopes.set(ctx, byPlan);
  let scope = byPlan.get(p.id);
  if (!scope) {
    scope = await planDepartmentScope(ctx.db, requireActor(ctx), p);
    byPlan.set(p.id, scope);
  }
  const s = scope;
  return all.filter((iv) => scopeAllows(s, iv.departmentId));
}

/** The plan's goals and interventions, each loaded once per request, and their analysis. */
async function planAnalysis(p: Plan, ctx: HelhedContext) {
  const [goals, interventions] = await Promise.all([
    ctx.loaders.goalViews.load(p.id),
    visibleInterventions(p, ctx),
  ]);
  const analysis = analysePlan(
    goals.map((g) => ({ id: g.goal.id, status: g.goal.status, dominant: g.goal.dominant })),
    interventions,
    today(ctx),
  );
  const goalById = new Map(goals.map((g) => [g.goal.id, g]));
  const interventionById = new Map(interventions.map((iv) => [iv.id, iv]));
  const goalsOf = (ids: readonly string[]) => ids.flatMap((id) => goalById.get(id) ?? []);
  const interventionsOf = (ids: readonly string[]) => ids.flatMap((id) => interventionById.get(id) ?? []);
  return { analysis, goalsOf, interventionsOf };
}

/** Interventions, goal changes and the coordinator's analysis of a plan. */
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
  Plan: {
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
