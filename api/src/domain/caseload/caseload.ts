import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../access/actor.js';
import { recordAudits } from '../../access/audit.js';
import {
  caseloadReach,
  type DepartmentScope,
  followUpDepartments,
  scopeAllows,
} from '../../access/policy.js';
import type { Db } from '../../db/client.js';
import { targetGroup } from '../../db/tables.js';
import { oneAtATime } from '../../kernel/one-at-a-time.js';
import { copenhagenDate } from '../calendar.js';
import { badInput } from '../errors.js';
import type { InstrumentCatalog } from '../instrument-catalog.js';
import type { InstrumentDefinition } from '../instruments/index.js';
import { analyseMeasurements } from '../progression.js';
import {
  type AttentionKind,
  type AttentionReason,
  attentionKinds,
  attentionOf,
  type CitizenFacts,
  countByKind,
  danishOrder,
  type InvitationFact,
  sortByAttention,
} from './attention.js';
import { citizensById, followUpSettings, pendingInvitationsOf, taggedWith } from './facts.js';
import { type CaseloadPlan, planFactsOf } from './plan-facts.js';
import { measuredBy, type SeriesPointRow, seriesEndsOf } from './series-facts.js';

/** Days without a measurement before a citizen is flagged, unless the department set its own. */
export const DEFAULT_FOLLOW_UP_DAYS = 28;
/** Weeks an active goal may go unrated before it is flagged. */
export const DEFAULT_UNRATED_WEEKS = 4;

export interface CaseloadFilter {
  /** Only citizens with at least one of these reasons; empty or absent = everyone. */
  reasons?: readonly AttentionKind[] | null | undefined;
  targetGroup?: string | null | undefined;
  /** MINE: citizens the signed-in person has measured themselves. */
  scope?: 'MINE' | 'DEPARTMENT' | null | undefined;
  followUpDays?: number | null | undefined;
  unratedWeeks?: number | null | undefined;
  limit?: number | null | undefined;
}

export interface CaseloadRow {
  citizenId: string;
  displayName: string;
  birthYear: number;
  reasons: AttentionReason[];
  lastMeasuredOn: string | null;
  plans: CaseloadPlan[];
}

export interface Caseload {
  asOf: string;
  followUpDays: number;
  unratedWeeks: number;
  /** Citizens in scope (before the reason filter and the limit). */
  total: number;
  counts: { kind: AttentionKind; citizens: number }[];
  rows: CaseloadRow[];
}

/**
 * Who needs attention today in the actor's caseload (issue #19): the citizens the access policy
 * lets them open, each with the reasons in the shared scoring rules' terms, most urgent first.
 * A fixed number of queries whatever the caseload's size; each returned row is audited.
 */
export function readCaseload(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  filter: CaseloadFilter,
  now: Date,
): Promise<Caseload> {
  return inTurn(() => caseloadOf(db, actor, catalog, filter, now));
}

/**
 * Caseloads are read one at a time per process: each is ~60 ms of CPU over a department's rows,
 * so ten interleaved at their awaits would all answer after ~ten reads' time (docs/caseload.md).
 */
const inTurn = oneAtATime();

async function caseloadOf(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  filter: CaseloadFilter,
  now: Date,
): Promise<Caseload> {
  const reach = await caseloadReach(db, actor, now);
  const today = copenhagenDate(now);
  const own = followUpDepartments(actor);
  const followUpDays = filter.followUpDays ?? (await departmentFollowUp(db, actor, own));
  const unratedWeeks = filter.unratedWeeks ?? DEFAULT_UNRATED_WEEKS;
  let ids = [...reach.keys()];
  if (filter.targetGroup) {
    const tagged = await taggedWith(db, await targetGroupId(db, actor, filter.targetGroup));
    ids = ids.filter((id) => tagged.has(id));
  }
  const departments = visibleDepartments(reach);
  if (filter.scope === 'MINE') {
    const mine = await measuredBy(db, actor.municipalityId, ids, departments, actor.subject);
    ids = ids.filter((id) => mine.has(id));
  }
  const [people, ends, invitations] = await Promise.all([
    citizensById(db, actor.municipalityId, ids),
    seriesEndsOf(db, actor.municipalityId, ids, departments),
    pendingInvitationsOf(db, actor.municipalityId, own, new Date(now.getTime() - followUpDays * DAY_MS)),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const preferred = (a: string, b: string) =>
    danishOrder.compare(byId.get(a)?.displayName ?? '', byId.get(b)?.displayName ?? '') || (a < b ? -1 : 1);
  const plans = await planFactsOf(db, actor, ids, own, today, preferred);
  const points = groupByCitizen(ends);
  const invited = invitationsByRow(invitations, new Set(ids), plans.carrierOf);
  const settings = {
    today,
    now: now.getTime(),
    followUpDays,
    unratedWeeks,
    planChecks: actor.role === 'COORDINATOR',
  };
  const definitionOf = (key: string) => catalog.get(actor.municipalityId, key);
  const all = people.map((person) => {
    const scope = reach.get(person.id) as DepartmentScope;
    const ends = points.get(person.id) ?? [];
    const seen = scope.kind === 'ALL' ? ends : ends.filter((m) => scopeAllows(scope, m.departmentId));
    const { series, divergent } = seriesFacts(seen, definitionOf, person.birthYear);
    const facts: CitizenFacts = {
      series,
      divergent,
      lastMeasuredOn: lastMeasuredOn(seen, own),
      caseSinceOn: plans.caseSinceOf(person.id) ?? copenhagenDate(person.createdAt),
      plans: plans.factsOf(person.id),
      invitations: invited.get(person.id) ?? [],
    };
    return {
      citizenId: person.id,
      displayName: person.displayName,
      birthYear: person.birthYear,
      reasons: attentionOf(facts, settings),
      lastMeasuredOn: facts.lastMeasuredOn,
      plans: plans.refsOf(person.id),
    };
  });
  const wanted = new Set(filter.reasons ?? []);
  const rows = sortByAttention(
    all.filter((r) => wanted.size === 0 || r.reasons.some((x) => wanted.has(x.kind))),
  ).slice(0, filter.limit ?? 100);
  await auditRows(db, actor, rows, now);
  const counts = countByKind(all);
  return {
    asOf: today,
    followUpDays,
    unratedWeeks,
    total: all.length,
    counts: attentionKinds.map((kind) => ({ kind, citizens: counts.get(kind) ?? 0 })),
    rows,
  };
}

const DAY_MS = 86_400_000;

/** The series' alerts and divergence by the shared scoring rules, from each series' ends. */
function seriesFacts(
  ends: readonly SeriesPointRow[],
  definitionOf: (key: string) => InstrumentDefinition | undefined,
  birthYear: number,
): Pick<CitizenFacts, 'series' | 'divergent'> {
  if (ends.length === 0) return { series: [], divergent: false };
  const analysed = analyseMeasurements(ends, definitionOf, birthYear);
  return {
    series: analysed.series.map((s) => ({
      instrumentKey: s.instrumentKey,
      alliance: s.definition.kind === 'SESSION',
      departmentId: s.departmentId,
      alert: s.analysis.alert,
      alertReasons: s.analysis.alertReasons,
    })),
    divergent: analysed.divergent,
  };
}

/**
 * The newest measurement the follow-up rule counts: the newest live point the caller's
 * departments recorded (a coordinator: any visible). Every series' latest point is among its
 * ends, so no read of its own. A superseded measurement no longer counts: its correction (with
 * the corrected time) stands for it.
 */
function lastMeasuredOn(points: readonly SeriesPointRow[], own: readonly string[] | null): string | null {
  let last: Date | null = null;
  for (const p of points) {
    if (own !== null && !own.includes(p.departmentId)) continue;
    if (last === null || p.occurredAt > last) last = p.occurredAt;
  }
  return last ? copenhagenDate(last) : null;
}

/**
 * Each unanswered-invitation candidate on one row: the citizen it is about, else the invitee,
 * else the member carrying its plan; one the caseload does not show goes nowhere.
 */
function invitationsByRow(
  invitations: Awaited<ReturnType<typeof pendingInvitationsOf>>,
  shown: ReadonlySet<string>,
  carrierOf: (planId: string) => string | null,
): Map<string, InvitationFact[]> {
  const out = new Map<string, InvitationFact[]>();
  for (const i of invitations) {
    const row = [i.subjectCitizenId, i.inviteeId, i.planId ? carrierOf(i.planId) : null].find(
      (id): id is string => id !== null && shown.has(id),
    );
    if (!row) continue;
    const fact: InvitationFact = {
      planId: i.planId,
      departmentId: i.departmentId,
      createdAt: i.createdAt.getTime(),
      expiresAt: i.expiresAt.getTime(),
      sentOn: copenhagenDate(i.createdAt),
    };
    out.set(row, [...(out.get(row) ?? []), fact]);
  }
  return out;
}

/** Every department any citizen's scope lets the actor see, so the read skips the rest; null = all. */
function visibleDepartments(reach: ReadonlyMap<string, DepartmentScope>): string[] | null {
  const ids = new Set<string>();
  for (const scope of reach.values()) {
    if (scope.kind === 'ALL') return null;
    for (const d of scope.departmentIds) ids.add(d);
  }
  return [...ids];
}

function groupByCitizen<T extends { citizenId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const m of rows) {
    const list = out.get(m.citizenId);
    if (list) list.push(m);
    else out.set(m.citizenId, [m]);
  }
  return out;
}

/** The strictest follow-up interval of the actor's departments, or the default. */
async function departmentFollowUp(db: Db, actor: Actor, own: readonly string[] | null): Promise<number> {
  if (own === null || own.length === 0) return DEFAULT_FOLLOW_UP_DAYS;
  const set = (await followUpSettings(db, actor.municipalityId, own))
    .map((d) => d.followUpDays)
    .filter((d): d is number => d !== null);
  return set.length ? Math.min(...set) : DEFAULT_FOLLOW_UP_DAYS;
}

async function targetGroupId(db: Db, actor: Actor, key: string): Promise<string> {
  const row = (
    await db
      .select({ id: targetGroup.id })
      .from(targetGroup)
      .where(and(eq(targetGroup.municipalityId, actor.municipalityId), eq(targetGroup.key, key)))
  )[0];
  if (!row) throw badInput('Unknown target group.', 'filter.targetGroup');
  return row.id;
}

/** One audit event per citizen shown, in slices of one statement each. */
async function auditRows(db: Db, actor: Actor, rows: readonly CaseloadRow[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await recordAudits(
      db,
      actor,
      rows
        .slice(i, i + 500)
        .map((r) => ({ citizenId: r.citizenId, action: 'caseload', outcome: 'ALLOWED' as const })),
      now,
    );
  }
}
