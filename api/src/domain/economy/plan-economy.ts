import { addDays, addMonths } from '../calendar.js';
import type { PriceVersion } from './catalogue.js';
import { byDepartment, type DepartmentAmount, type LedgerEntry, mergeLedger, totalOf } from './ledger.js';
import { costOfProvision, type Provision, type Window } from './provision-cost.js';

/** One line of a target group's typical year of help. */
export interface ArchetypeLine {
  typeCode: string;
  quantity: number;
}

export interface PlanMemberForCost {
  citizenId: string;
  /** Target group keys, used in this order to find an archetype basket. */
  targetGroupKeys: readonly string[];
}

export interface PlanEconomyInput {
  /** The plan's first day (Copenhagen date it was created). */
  startedOn: string;
  /** Today's Copenhagen date: the running cost runs through it. */
  today: string;
  members: readonly PlanMemberForCost[];
  /** The members' provisions (any period; each window takes what falls in it). */
  provisions: readonly Provision[];
  catalogue: readonly PriceVersion[];
  /** Archetype baskets by target group key. */
  baskets: ReadonlyMap<string, readonly ArchetypeLine[]>;
}

/** A cost over a window: total, split per paying department, and days nothing priced. */
export interface CostFigure {
  from: string;
  /** Last day, inclusive. */
  to: string;
  totalOre: number;
  byDepartment: DepartmentAmount[];
  byMonth: LedgerEntry[];
  unpricedDays: number;
}

export interface PlanEconomy {
  baseline: CostFigure & { estimated: boolean; estimatedCitizenIds: string[] };
  running: CostFigure;
  expected: CostFigure;
}

function figure(window: Window, costs: { entries: LedgerEntry[]; unpricedDays: number }[]): CostFigure {
  const byMonth = mergeLedger(costs.flatMap((c) => c.entries));
  return {
    from: window.from,
    to: addDays(window.until, -1),
    totalOre: totalOf(byMonth),
    byDepartment: byDepartment(byMonth),
    byMonth,
    unpricedDays: costs.reduce((sum, c) => sum + c.unpricedDays, 0),
  };
}

const costIn = (input: PlanEconomyInput, window: Window, provisions: readonly Provision[]) =>
  provisions.map((p) => costOfProvision(p, input.catalogue, window));

/** The basket of a member's first target group that has one, as provisions over the window. */
function archetypeProvisions(
  member: PlanMemberForCost,
  baskets: PlanEconomyInput['baskets'],
  window: Window,
): Provision[] {
  const key = member.targetGroupKeys.find((k) => (baskets.get(k)?.length ?? 0) > 0);
  const basket = key === undefined ? [] : (baskets.get(key) ?? []);
  return basket.map((line) => ({
    citizenId: member.citizenId,
    typeCode: line.typeCode,
    quantity: line.quantity,
    startsOn: window.from,
    endsOn: addDays(window.until, -1),
  }));
}

const touches = (p: Provision, w: Window) =>
  p.startsOn < w.until && (p.endsOn === null || p.endsOn >= w.from);

/**
 * A plan's baseline (the 12 months before it started), running cost (start through today) and
 * expected cost (its first 12 months as agreed), each split per paying department and month. A
 * member with no provision in the baseline year gets their target group's archetype basket,
 * flagged as an estimate (docs/economy.md).
 */
export function planEconomy(input: PlanEconomyInput): PlanEconomy {
  const start = input.startedOn;
  const baselineWindow = { from: addMonths(start, -12), until: start };
  const runningWindow = { from: start, until: input.today < start ? start : addDays(input.today, 1) };
  const expectedWindow = { from: start, until: addMonths(start, 12) };

  const baselineProvisions: Provision[] = [];
  const estimatedCitizenIds: string[] = [];
  for (const m of input.members) {
    const own = input.provisions.filter((p) => p.citizenId === m.citizenId && touches(p, baselineWindow));
    const estimate = own.length ? [] : archetypeProvisions(m, input.baskets, baselineWindow);
    if (estimate.length) estimatedCitizenIds.push(m.citizenId);
    baselineProvisions.push(...own, ...estimate);
  }
  const baseline = figure(baselineWindow, costIn(input, baselineWindow, baselineProvisions));
  return {
    baseline: { ...baseline, estimated: estimatedCitizenIds.length > 0, estimatedCitizenIds },
    running: figure(runningWindow, costIn(input, runningWindow, input.provisions)),
    expected: figure(expectedWindow, costIn(input, expectedWindow, input.provisions)),
  };
}
