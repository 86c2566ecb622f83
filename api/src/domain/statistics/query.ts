import { and, eq } from 'drizzle-orm';
import type { Actor, Role } from '../../access/actor.js';
import { recordAudit } from '../../access/audit.js';
import type { Db } from '../../db/client.js';
import { department, targetGroup } from '../../db/schema/index.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import type { InstrumentCatalog } from '../instrument-catalog.js';
import { snapWindow } from './period.js';
import type { StatisticsRunner } from './runner.js';
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
 * Leaders and analysts see the whole municipality. A professional sees their own department
 * only (feedback-informed practice compares one's own results); the citizen-facing roles and
 * vendors' service clients see no statistics.
 */
const tenantWide: ReadonlySet<Role> = new Set(['ANALYST', 'COORDINATOR', 'ADMIN']);

/**
 * Anonymous progression statistics (DESIGN.md §4). Checks the role, audits the query (no
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
  const departmentId = departmentInReach(db, actor, filter.departmentId ?? null);
  const definition = catalog.get(actor.municipalityId, filter.instrumentKey);
  if (!definition) throw badInput(`Unknown instrument "${filter.instrumentKey}".`, 'filter.instrumentKey');
  const targetGroupKey = filter.targetGroup ?? null;
  if (targetGroupKey !== null && !targetGroupExists(db, actor.municipalityId, targetGroupKey)) {
    throw badInput(`Unknown target group "${targetGroupKey}".`, 'filter.targetGroup');
  }
  const period = filter.period ?? 'MONTH';
  recordAudit(db, actor, { citizenId: null, action: 'progressionStatistics', outcome: 'ALLOWED' });
  return runner.run({
    municipalityId: actor.municipalityId,
    definition,
    departmentId,
    targetGroupKey,
    groupBy: [...new Set<StatisticsDimension>(filter.groupBy ?? ['DEPARTMENT_KIND'])],
    period,
    window: snapWindow(filter.from, filter.to, period),
    minCellSize,
  });
}

/** The department filter in force for the actor; refuses (and audits) what the role may not see. */
function departmentInReach(db: Db, actor: Actor, asked: string | null): string | null {
  const deny = (message: string) => {
    recordAudit(db, actor, { citizenId: null, action: 'progressionStatistics', outcome: 'DENIED' });
    return forbidden(message);
  };
  if (actor.role === 'PROFESSIONAL') {
    if (!actor.departmentId) throw deny('A professional without a department cannot see statistics.');
    if (asked !== null && asked !== actor.departmentId) {
      throw deny('A professional sees statistics for their own department only.');
    }
    return actor.departmentId;
  }
  if (!tenantWide.has(actor.role)) throw deny(`The ${actor.role} role cannot see statistics.`);
  if (asked === null) return null;
  const row = db
    .select({ id: department.id })
    .from(department)
    .where(and(eq(department.id, asked), eq(department.municipalityId, actor.municipalityId)))
    .get();
  if (!row) throw badInput('Unknown department.', 'filter.departmentId');
  return asked;
}

function targetGroupExists(db: Db, municipalityId: string, key: string): boolean {
  return (
    db
      .select({ id: targetGroup.id })
      .from(targetGroup)
      .where(and(eq(targetGroup.municipalityId, municipalityId), eq(targetGroup.key, key)))
      .get() !== undefined
  );
}
