import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../access/audit.js';
import { authorizeStatistics } from '../../access/policy.js';
import type { Db } from '../../db/client.js';
import { department, targetGroup } from '../../db/tables.js';
import { badInput } from '../errors.js';
import type { InstrumentCatalog } from '../instrument-catalog.js';
import { snapWindow } from './period.js';
import type { StatisticsRunner } from './runner.js';
import { fullTableOf, marginalOf, withFullTableSuppression } from './slice.js';
import type { Statistics, StatisticsDimension, StatisticsPeriod } from './types.js';

/** The filter as it arrives, validated at the edge. */
export interface StatisticsFilter {
  instrumentKey: string;
  departmentId?: string | null | undefined;
  targetGroup?: string | null | undefined;
  from: string;
  to: string;
  groupBy?: StatisticsDimension[] | null | undefined;
  period?: StatisticsPeriod | null | undefined;
}

/**
 * Anonymous progression statistics (docs/design.md §4). Checks the role, audits the query (no
 * citizen) and hands the computation to the runner, off the request thread.
 */
export async function progressionStatistics(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  runner: StatisticsRunner,
  filter: StatisticsFilter,
  minCellSize: number,
): Promise<Statistics> {
  const departmentId = await authorizeStatistics(db, actor, filter.departmentId ?? null);
  const definition = catalog.get(actor.municipalityId, filter.instrumentKey);
  if (!definition) throw badInput(`Unknown instrument "${filter.instrumentKey}".`, 'filter.instrumentKey');
  const targetGroupKey = filter.targetGroup ?? null;
  if (targetGroupKey !== null && !(await targetGroupExists(db, actor.municipalityId, targetGroupKey))) {
    throw badInput(`Unknown target group "${targetGroupKey}".`, 'filter.targetGroup');
  }
  const period = filter.period ?? 'MONTH';
  const groupBy = [...new Set<StatisticsDimension>(filter.groupBy ?? ['DEPARTMENT_KIND'])];
  const window = snapWindow(filter.from, filter.to, period);
  // The filter as answered, so a review of the trail can see which slices someone combined.
  const detail = JSON.stringify({
    instrumentKey: definition.key,
    departmentId,
    targetGroup: targetGroupKey,
    from: filter.from,
    to: filter.to,
    period,
    groupBy,
  });
  await recordAudit(db, actor, {
    citizenId: null,
    action: 'progressionStatistics',
    outcome: 'ALLOWED',
    detail,
  });
  const request = {
    municipalityId: actor.municipalityId,
    definition,
    departmentId,
    targetGroupKey,
    groupBy,
    period,
    window,
    minCellSize,
  };
  const slice = {
    departmentKind: departmentId === null ? null : await kindOf(db, departmentId),
    targetGroup: targetGroupKey,
  };
  const full = fullTableOf(request, slice);
  if (!full) return runner.run(request);
  const [filtered, table, marginal] = await Promise.all([
    runner.run(request),
    runner.run(full),
    runner.run(marginalOf(request)),
  ]);
  return withFullTableSuppression(filtered, table, marginal, slice);
}

async function kindOf(db: Db, departmentId: string): Promise<string | null> {
  return (
    (await db.select({ kind: department.kind }).from(department).where(eq(department.id, departmentId)))[0]
      ?.kind ?? null
  );
}

async function targetGroupExists(db: Db, municipalityId: string, key: string): Promise<boolean> {
  return (
    (
      await db
        .select({ id: targetGroup.id })
        .from(targetGroup)
        .where(and(eq(targetGroup.municipalityId, municipalityId), eq(targetGroup.key, key)))
    )[0] !== undefined
  );
}
