import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { planMembers } from '../access/plan-members.js';
import { authorizePlanEconomy, type DepartmentScope, scopeAllows } from '../access/policy.js';
import type { Db } from '../db/client.js';
import { citizenTargetGroup, targetGroup } from '../db/tables.js';
import { copenhagenDate, todayIn } from './calendar.js';
import { byDepartment, totalOf } from './economy/ledger.js';
import { type CostFigure, planEconomy } from './economy/plan-economy.js';
import { readBaskets, readCatalogue } from './price-catalogue.js';
import { provisionsOf } from './provisions.js';

/** A plan's economy as one caller may see it. */
export interface PlanEconomyView {
  startedOn: string;
  baseline: CostFigure;
  baselineEstimated: boolean;
  running: CostFigure;
  expected: CostFigure;
  restricted: boolean;
}

/** Target group keys per citizen, in key order. */
export async function targetGroupKeysOf(
  db: Db,
  citizenIds: readonly string[],
): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  if (citizenIds.length === 0) return keys;
  const rows = await db
    .select({ citizenId: citizenTargetGroup.citizenId, key: targetGroup.key })
    .from(citizenTargetGroup)
    .innerJoin(targetGroup, eq(targetGroup.id, citizenTargetGroup.targetGroupId))
    .where(inArray(citizenTargetGroup.citizenId, [...citizenIds]));
  for (const r of [...rows].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    keys.set(r.citizenId, [...(keys.get(r.citizenId) ?? []), r.key]);
  }
  return keys;
}

/** Keeps only the departments in scope; the totals follow, and unpriced days are not shown. */
function restrict(f: CostFigure, scope: DepartmentScope): CostFigure {
  if (scope.kind === 'ALL') return f;
  const byMonth = f.byMonth.filter((e) => scopeAllows(scope, e.departmentId));
  return { ...f, byMonth, byDepartment: byDepartment(byMonth), totalOre: totalOf(byMonth), unpricedDays: 0 };
}

/**
 * What a plan's help costs (docs/economy.md), for a caller the policy lets see it: the
 * coordinator every department, a professional the departments of their intervention scope.
 */
export async function readPlanEconomy(
  db: Db,
  actor: Actor,
  planId: string,
  now: Date,
): Promise<PlanEconomyView> {
  const { plan, scope } = await authorizePlanEconomy(db, actor, planId);
  const members = (await planMembers(db, plan)).map((m) => m.citizenId);
  const [groups, provisions, catalogue, baskets] = await Promise.all([
    targetGroupKeysOf(db, members),
    provisionsOf(db, actor.municipalityId, members),
    readCatalogue(db, actor.municipalityId),
    readBaskets(db, actor.municipalityId),
  ]);
  const startedOn = copenhagenDate(plan.createdAt);
  const economy = planEconomy({
    startedOn,
    today: todayIn(() => now),
    members: members.map((citizenId) => ({ citizenId, targetGroupKeys: groups.get(citizenId) ?? [] })),
    provisions,
    catalogue,
    baskets,
  });
  return {
    startedOn,
    baseline: restrict(economy.baseline, scope),
    baselineEstimated: economy.baseline.estimated,
    running: restrict(economy.running, scope),
    expected: restrict(economy.expected, scope),
    restricted: scope.kind === 'SOME',
  };
}
