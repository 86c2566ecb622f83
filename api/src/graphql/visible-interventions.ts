import { planDepartmentScope, scopeAllows } from '../access/policy.js';
import type { Plan } from '../db/schema/index.js';
import { todayIn } from '../domain/calendar.js';
import type { InterventionWithGoals } from '../domain/interventions.js';
import { analysePlan } from '../domain/plan-analysis.js';
import { type HelhedContext, requireActor } from './context.js';

/** Today in the municipality's calendar (Europe/Copenhagen), by the request's clock. */
export const today = (ctx: HelhedContext) => todayIn(ctx.now);

/**
 * The plan's interventions the caller may see: all for the coordinator and the family; for a
 * professional their own department's and those of departments consenting towards it.
 */
export async function visibleInterventions(p: Plan, ctx: HelhedContext): Promise<InterventionWithGoals[]> {
  const all = await ctx.loaders.interventions.load(p.id);
  // Asked once per request and plan: every analysis field of the plan needs it.
  let scope = ctx.request.planScopes.get(p.id);
  if (!scope) {
    scope = await planDepartmentScope(ctx.db, requireActor(ctx), p);
    ctx.request.planScopes.set(p.id, scope);
  }
  const s = scope;
  return all.filter((iv) => scopeAllows(s, iv.departmentId));
}

/** The plan's goals and interventions, each loaded once per request, and their analysis. */
export async function planAnalysis(p: Plan, ctx: HelhedContext) {
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
