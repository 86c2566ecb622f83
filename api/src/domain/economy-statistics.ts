import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { authorizeEconomyStatistics } from '../access/policy.js';
import type { Db } from '../db/client.js';
import { department, family, familyMember, plan, provision } from '../db/tables.js';
import { addDays, addMonths, copenhagenDate, startOfCopenhagenDay, todayIn } from './calendar.js';
import { dayIndex } from './economy/accrual.js';
import type { PriceVersion } from './economy/catalogue.js';
import { type ComparedCitizen, type ComparisonCell, compareCosts } from './economy/cells.js';
import { type SpendShare, spendShare } from './economy/concentration.js';
import {
  daysSince,
  type FollowUpCell,
  followUp,
  prorateBaseline,
  type QuarterShare,
  quartersBetween,
  quarterWindow,
} from './economy/follow-up.js';
import { type OutcomeWindow, outcomeVerdicts } from './economy/outcome-verdicts.js';
import { costByPayer, type Provision, type Window } from './economy/provision-cost.js';
import { createReportCache, type ReportCache } from './economy/report-cache.js';
import { economyCsv } from './economy/report-csv.js';
import type { InstrumentCatalog } from './instrument-catalog.js';
import { targetGroupKeysOf } from './plan-costs.js';
import { readCatalogue } from './price-catalogue.js';

export interface EconomyStatistics {
  asOf: string;
  minCellSize: number;
  comparison: ComparisonCell[];
  spendShares: SpendShare[];
  followUp: FollowUpCell[];
  csv: string;
}

/** How many quarters the budget follow-up reaches back, today's included. */
const FOLLOW_UP_QUARTERS = 8;

function costBy(
  provisions: readonly Provision[],
  catalogue: readonly PriceVersion[],
  window: Window,
  keyOf: (departmentId: string) => string,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const p of provisions) {
    for (const e of costByPayer(p, catalogue, window)) {
      if (e.amountOre === 0) continue;
      const key = keyOf(e.departmentId);
      sums.set(key, (sums.get(key) ?? 0) + e.amountOre);
    }
  }
  return sums;
}

/** Each citizen's earliest plan start (their own plan or their family's). */
async function planStarts(db: Db, municipalityId: string): Promise<Map<string, string>> {
  const plans = await db.select().from(plan).where(eq(plan.municipalityId, municipalityId));
  const members = await db
    .select({ familyId: familyMember.familyId, citizenId: familyMember.citizenId })
    .from(familyMember)
    .innerJoin(family, eq(family.id, familyMember.familyId))
    .where(eq(family.municipalityId, municipalityId));
  const starts = new Map<string, string>();
  const note = (citizenId: string, start: string) => {
    const seen = starts.get(citizenId);
    if (seen === undefined || start < seen) starts.set(citizenId, start);
  };
  for (const p of plans) {
    const start = copenhagenDate(p.createdAt);
    if (p.citizenId) note(p.citizenId, start);
    if (p.familyId) for (const m of members) if (m.familyId === p.familyId) note(m.citizenId, start);
  }
  return starts;
}

/** Dates repeat across thousands of citizens; a time-zone lookup per date is enough. */
function memo<R>(f: (date: string) => R): (date: string) => R {
  const seen = new Map<string, R>();
  return (date) => {
    if (!seen.has(date)) seen.set(date, f(date));
    return seen.get(date) as R;
  };
}

const touches = (p: Provision, w: Window) =>
  p.startsOn < w.until && (p.endsOn === null || p.endsOn >= w.from);

/**
 * Anonymous cost figures for the municipality (docs/economy.md): baseline against first plan
 * year per target group and department kind with the share whose outcome improved, the top
 * 1 % / 3 % share of spend, and the quarterly budget follow-up, each with small-cell
 * suppression. Never a row about a person. The figures end with the last whole calendar month,
 * so two days' reports never differ by one person's day (differencing).
 */
export async function economyStatistics(
  db: Db,
  actor: Actor,
  instruments: InstrumentCatalog,
  now: Date,
  minCellSize: number,
  reports: ReportCache<EconomyStatistics> = createReportCache(0),
): Promise<EconomyStatistics> {
  await authorizeEconomyStatistics(db, actor);
  const today = todayIn(() => now);
  /** The first day after the figures: the first of this month. */
  const tomorrow = `${today.slice(0, 7)}-01`;
  const asOf = addDays(tomorrow, -1);
  return reports.get({ municipalityId: actor.municipalityId, asOf, minCellSize }, now, () =>
    computeReport(db, actor.municipalityId, instruments, minCellSize, asOf, tomorrow),
  );
}

async function computeReport(
  db: Db,
  municipalityId: string,
  instruments: InstrumentCatalog,
  minCellSize: number,
  asOf: string,
  tomorrow: string,
): Promise<EconomyStatistics> {
  const dayStart = memo(startOfCopenhagenDay);
  const [catalogue, departments, starts, all] = await Promise.all([
    readCatalogue(db, municipalityId),
    db.select().from(department).where(eq(department.municipalityId, municipalityId)),
    planStarts(db, municipalityId),
    db.select().from(provision).where(eq(provision.municipalityId, municipalityId)),
  ]);
  const kindOf = new Map(departments.map((d) => [d.id, d.kind as string]));
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  const byCitizen = new Map<string, Provision[]>();
  for (const p of all) byCitizen.set(p.citizenId, [...(byCitizen.get(p.citizenId) ?? []), p]);
  const groups = await targetGroupKeysOf(db, [...starts.keys()]);

  const compared: (Omit<ComparedCitizen, 'outcome'> & { citizenId: string })[] = [];
  const outcomeWindows = new Map<string, OutcomeWindow>();
  const shares: QuarterShare[] = [];
  const quarters = quartersBetween(addMonths(asOf, -3 * (FOLLOW_UP_QUARTERS - 1)), asOf);
  for (const [citizenId, start] of starts) {
    const own = byCitizen.get(citizenId) ?? [];
    const baselineWindow = { from: addMonths(start, -12), until: start };
    if (!own.some((p) => touches(p, baselineWindow))) continue; // estimates are not statistics
    const firstYear = { from: start, until: addMonths(start, 12) };
    if (firstYear.until <= tomorrow) {
      outcomeWindows.set(citizenId, {
        from: new Date(dayStart(baselineWindow.from)),
        until: new Date(dayStart(firstYear.until)),
      });
      compared.push({
        citizenId,
        targetGroupKeys: groups.get(citizenId) ?? [],
        baseline: costBy(own, catalogue, baselineWindow, (d) => kindOf.get(d) ?? 'OTHER'),
        firstYear: costBy(own, catalogue, firstYear, (d) => kindOf.get(d) ?? 'OTHER'),
      });
    }
    const baseline = costBy(own, catalogue, baselineWindow, (d) => d);
    const baselineDays = dayIndex(start) - dayIndex(baselineWindow.from);
    for (const quarter of quarters) {
      const q = quarterWindow(quarter);
      const window = {
        from: [q.from, start].sort()[1] as string,
        until: [q.until, tomorrow].sort()[0] as string,
      };
      if (window.until <= window.from) continue;
      const actual = costBy(own, catalogue, window, (d) => d);
      const days = daysSince(start, window);
      for (const departmentId of new Set([...baseline.keys(), ...actual.keys()])) {
        shares.push({
          quarter,
          departmentId,
          baselineOre: prorateBaseline(baseline.get(departmentId) ?? 0, baselineDays, days),
          actualOre: actual.get(departmentId) ?? 0,
        });
      }
    }
  }
  const lastYear = { from: addMonths(tomorrow, -12), until: tomorrow };
  const spend = [...byCitizen.values()].map((ps) =>
    [...costBy(ps, catalogue, lastYear, () => '').values()].reduce((s, c) => s + c, 0),
  );
  const verdicts = await outcomeVerdicts(db, instruments, municipalityId, outcomeWindows);
  const comparison = compareCosts(
    compared.map((c) => ({ ...c, outcome: verdicts.get(c.citizenId) ?? null })),
    minCellSize,
  );
  const spendShares = [spendShare(spend, 1, minCellSize), spendShare(spend, 3, minCellSize)];
  const followUpCells = followUp(shares, minCellSize);
  const csv = economyCsv(
    comparison,
    spendShares,
    followUpCells.map((f) => ({ ...f, departmentName: nameOf.get(f.departmentId) ?? f.departmentId })),
  );
  return { asOf, minCellSize, comparison, spendShares, followUp: followUpCells, csv };
}
