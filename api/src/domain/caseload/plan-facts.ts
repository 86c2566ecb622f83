import type { Actor } from '../../access/actor.js';
import type { Db } from '../../db/client.js';
import { addDays, copenhagenDate } from '../calendar.js';
import { analysePlan } from '../plan-analysis.js';
import type { PlanFact } from './attention.js';
import {
  casesOf,
  type GoalRow,
  goalsOf,
  type InterventionRow,
  interventionsOf,
  meetingsOf,
  type PlanRow,
  plansOf,
} from './facts.js';

/** How far back the coordinator's contact-point trend looks. */
const TREND_DAYS = 90;

/** A plan a caseload row links to; contact points are the coordinator's (null for others). */
export interface CaseloadPlan {
  id: string;
  familyName: string | null;
  contactPoints: { professionals: number; departments: number } | null;
  /** The same count TREND_DAYS ago, so the coordinator sees whether it grows. */
  contactPointsBefore: { professionals: number; departments: number } | null;
}

/**
 * Everything about the citizens' plans the caseload needs, loaded for all plans at once:
 * meetings, goals with their last rating, and for the coordinator the plan analysis
 * (plan-analysis.ts: parallel interventions, unserved goals, contact points).
 */
export async function planFactsOf(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  own: readonly string[] | null,
  today: string,
  /** The order in which members are preferred to carry a family plan's reasons (after having a case). */
  preferred: (a: string, b: string) => number,
) {
  const { plans, members } = await plansOf(db, actor.municipalityId, ids);
  const planIds = plans.map((p) => p.id);
  const coordinator = actor.role === 'COORDINATOR';
  const [meetings, goals, interventions, cases] = await Promise.all([
    meetingsOf(db, planIds),
    goalsOf(db, planIds),
    coordinator ? interventionsOf(db, planIds) : Promise.resolve([] as InterventionRow[]),
    own?.length ? casesOf(db, actor.municipalityId, own) : Promise.resolve([]),
  ]);
  const byPlan = <T extends { planId: string }>(rows: readonly T[]) => {
    const out = new Map<string, T[]>();
    for (const r of rows) {
      const list = out.get(r.planId);
      if (list) list.push(r);
      else out.set(r.planId, [r]);
    }
    return out;
  };
  const meetingsByPlan = byPlan(meetings);
  const meetingOf = new Map([...meetingsByPlan].map(([planId, list]) => [planId, meetingSummary(list)]));
  const goalsByPlan = byPlan(goals);
  // Each active goal's day of last activity, once per goal rather than once per member's row.
  const activeByPlan = new Map<string, ActiveGoal[]>();
  for (const g of goals) {
    if (g.status !== 'ACTIVE') continue;
    listIn(activeByPlan, g.planId).push({
      subjectCitizenId: g.subjectCitizenId,
      lastActivityOn: copenhagenDate(g.lastRatedAt ?? g.createdAt),
    });
  }
  const interventionsByPlan = byPlan(interventions);
  const familyPlans = new Map<string, PlanRow[]>();
  for (const p of plans) if (p.familyId) listIn(familyPlans, p.familyId).push(p);
  const citizenPlans = new Map<string, PlanRow[]>();
  for (const p of plans) if (p.citizenId) listIn(citizenPlans, p.citizenId).push(p);
  for (const m of members) listIn(citizenPlans, m.citizenId).push(...(familyPlans.get(m.familyId) ?? []));
  const plansOfCitizen = (citizenId: string) => citizenPlans.get(citizenId) ?? [];
  const since = new Map<string, string>();
  for (const c of cases) {
    const day = copenhagenDate(c.since);
    const known = since.get(c.citizenId);
    if (!known || day < known) since.set(c.citizenId, day);
  }
  // A family plan's reasons go on one member's row: one the caller's department has a case with
  // if any, else the first in `preferred` order. Every member still links to the plan.
  const carrier = new Map<string, string>();
  const membersOf = new Map<string, string[]>();
  for (const m of members) listIn(membersOf, m.familyId).push(m.citizenId);
  for (const p of plans) {
    if (!p.familyId) continue;
    const [first] = [...new Set(membersOf.get(p.familyId) ?? [])].sort(
      (a, b) => Number(since.has(b)) - Number(since.has(a)) || preferred(a, b),
    );
    if (first) carrier.set(p.id, first);
  }
  const analysis = new Map(
    coordinator
      ? plans.map((p) => [
          p.id,
          analyse(goalsByPlan.get(p.id) ?? [], interventionsByPlan.get(p.id) ?? [], today),
        ])
      : [],
  );
  return {
    /** Whose row carries the plan's reasons: its citizen, or the family member chosen above. */
    carrierOf: (planId: string): string | null =>
      carrier.get(planId) ?? plans.find((p) => p.id === planId)?.citizenId ?? null,
    caseSinceOf: (citizenId: string) => since.get(citizenId) ?? null,
    refsOf: (citizenId: string): CaseloadPlan[] =>
      plansOfCitizen(citizenId).map((p) => ({
        id: p.id,
        familyName: p.familyName,
        contactPoints: analysis.get(p.id)?.now ?? null,
        contactPointsBefore: analysis.get(p.id)?.before ?? null,
      })),
    factsOf: (citizenId: string): PlanFact[] =>
      plansOfCitizen(citizenId).map((p) =>
        planFact(
          p,
          citizenId,
          p.familyId === null || carrier.get(p.id) === citizenId,
          meetingOf.get(p.id) ?? NO_MEETINGS,
          activeByPlan.get(p.id) ?? [],
          analysis.get(p.id),
        ),
      ),
  };
}

type Analysis = ReturnType<typeof analyse>;

function analyse(goals: readonly GoalRow[], interventions: readonly InterventionRow[], today: string) {
  const planned = interventions.map((iv) => ({ ...iv, goalIds: iv.goalIds }));
  const now = analysePlan(goals, planned, today);
  const before = analysePlan(goals, planned, addDays(today, -TREND_DAYS));
  return {
    now: now.contactPoints,
    before: before.contactPoints,
    parallelPairs: now.parallel.length,
    unservedGoals: now.unservedGoalIds.length,
  };
}

/** A goal that is ACTIVE, reduced to whose it is and its day of last activity. */
interface ActiveGoal {
  subjectCitizenId: string | null;
  lastActivityOn: string;
}

type MeetingRow = Awaited<ReturnType<typeof meetingsOf>>[number];
type MeetingSummary = Pick<PlanFact, 'latestMeeting' | 'accepted'>;
const NO_MEETINGS: MeetingSummary = { latestMeeting: null, accepted: false };

/** The newest meeting of a plan (the first of those held at the same instant) and whether any was accepted. */
function meetingSummary(meetings: readonly MeetingRow[]): MeetingSummary {
  let latest: MeetingRow | null = null;
  let accepted = false;
  for (const m of meetings) {
    if (latest === null || m.heldAt.getTime() > latest.heldAt.getTime()) latest = m;
    if (m.acceptedByParentAt !== null) accepted = true;
  }
  return {
    latestMeeting: latest ? { status: latest.status, nextMeetingOn: latest.nextMeetingOn } : null,
    accepted,
  };
}

/** The list under `key`, created empty on first use. */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function planFact(
  p: PlanRow,
  citizenId: string,
  carriesPlan: boolean,
  meetings: MeetingSummary,
  goals: readonly ActiveGoal[],
  analysis: Analysis | undefined,
): PlanFact {
  // A goal about one member is theirs; a shared goal is the plan's, on the row that carries it.
  const activeGoals: ActiveGoal[] = [];
  for (const g of goals)
    if (g.subjectCitizenId === citizenId || (g.subjectCitizenId === null && carriesPlan)) activeGoals.push(g);
  return {
    planId: p.id,
    family: p.familyId !== null,
    carriesPlan,
    latestMeeting: meetings.latestMeeting,
    accepted: meetings.accepted,
    activeGoals,
    parallelPairs: analysis?.parallelPairs ?? 0,
    unservedGoals: analysis?.unservedGoals ?? 0,
  };
}
