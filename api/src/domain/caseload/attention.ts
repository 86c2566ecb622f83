import { addDays } from '../calendar.js';
import type { AlertColour, AlertReason } from '../scoring/index.js';

/**
 * Why a citizen needs attention today (issue #19), most severe first: the order here is the
 * caseload's sort order. Pure — dates are Copenhagen calendar days (YYYY-MM-DD) — so the rules
 * are tested with hand-computed examples and the API only gathers the facts.
 */
export const attentionKinds = [
  'OUTCOME_RED',
  'ALLIANCE',
  'DIVERGENCE',
  'OUTCOME_ORANGE',
  'MEETING_OVERDUE',
  'NO_RECENT_MEASUREMENT',
  'GOALS_UNRATED',
  'INVITATION_UNANSWERED',
  'PARALLEL_INTERVENTIONS',
  'UNSERVED_GOALS',
  'NO_ACCEPTED_PLAN',
] as const;
export type AttentionKind = (typeof attentionKinds)[number];

/** A kind's place in the sort order. */
const rankOf = new Map<AttentionKind, number>(attentionKinds.map((k, i) => [k, i]));
const rank = (kind: AttentionKind) => rankOf.get(kind) ?? attentionKinds.length;

/** The kinds only a coordinator's caseload shows: they are about how a plan is put together. */
export const planKinds: ReadonlySet<AttentionKind> = new Set([
  'PARALLEL_INTERVENTIONS',
  'UNSERVED_GOALS',
  'NO_ACCEPTED_PLAN',
]);

/** One reason, with what the widget needs to say it in words. */
export interface AttentionReason {
  kind: AttentionKind;
  /** The series' colour for alerts (RED/ORANGE); null otherwise. */
  colour: AlertColour | null;
  /** The scoring rules' reason codes for alerts (single source: domain/scoring). */
  alertReasons: AlertReason[];
  instrumentKey: string | null;
  departmentId: string | null;
  planId: string | null;
  /** The day it concerns: last measurement, the meeting that was due, the oldest unrated goal. */
  since: string | null;
  /** Days since `since` (overdue days for a meeting). */
  days: number | null;
  /** How many goals (unrated, unserved) or pairs (parallel interventions). */
  count: number | null;
}

/** A series of the citizen, as the scoring rules left it. */
export interface SeriesFact {
  instrumentKey: string;
  /** True for session (alliance) instruments, whose alerts are about the working relationship. */
  alliance: boolean;
  departmentId: string;
  alert: AlertColour;
  alertReasons: AlertReason[];
}

/** A plan the citizen takes part in, reduced to what the attention rules need. */
export interface PlanFact {
  planId: string;
  family: boolean;
  /**
   * True on the one row that carries the plan's own reasons (meeting, acceptance, shared goals,
   * plan checks): the citizen's own plan, or for a family plan one member of the family
   * (plan-facts.ts chooses), so a family's overdue meeting is counted once, not once per member.
   */
  carriesPlan: boolean;
  /** The newest meeting: OPEN or CLOSED, and the next meeting agreed when it closed. */
  latestMeeting: { status: 'OPEN' | 'CLOSED'; nextMeetingOn: string | null } | null;
  /** True when a parent has accepted the plan in any meeting. */
  accepted: boolean;
  /** The active goals this row answers for (its own; shared ones if it carries the plan): last rated, or created. */
  activeGoals: { lastActivityOn: string }[];
  /** From analysePlan (plan-analysis.ts) as of today. */
  parallelPairs: number;
  unservedGoals: number;
}

/** An invitation sent by the caller's department that nobody has used and nobody revoked. */
export interface InvitationFact {
  planId: string | null;
  departmentId: string;
  /** Instants in epoch milliseconds: validity is hours and days, not calendar days. */
  createdAt: number;
  expiresAt: number;
  /** The Copenhagen day it was sent. */
  sentOn: string;
}

export interface CitizenFacts {
  series: SeriesFact[];
  divergent: boolean;
  /** The newest measurement the follow-up rule counts, or when the case began if none. */
  lastMeasuredOn: string | null;
  caseSinceOn: string;
  plans: PlanFact[];
  invitations: InvitationFact[];
}

export interface AttentionSettings {
  today: string;
  /** The injected clock's now, epoch milliseconds, for invitation validity. */
  now: number;
  followUpDays: number;
  unratedWeeks: number;
  /** Plan checks (parallel, unserved, acceptance) are the coordinator's. */
  planChecks: boolean;
}

/** Day number of an ISO date (YYYY-MM-DD); sliced, not split: a caseload asks this ~10,000 times. */
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

const reason = (kind: AttentionKind, fields: Partial<AttentionReason> = {}): AttentionReason => ({
  kind,
  colour: null,
  alertReasons: [],
  instrumentKey: null,
  departmentId: null,
  planId: null,
  since: null,
  days: null,
  count: null,
  ...fields,
});

/** Every reason a citizen needs attention, most severe first. */
export function attentionOf(facts: CitizenFacts, settings: AttentionSettings): AttentionReason[] {
  // One array, pushed to: a caseload asks this for thousands of citizens, most with 0–2 reasons.
  const reasons: AttentionReason[] = [];
  seriesReasons(facts.series, reasons);
  if (facts.divergent) reasons.push(reason('DIVERGENCE'));
  followUpReasons(facts, settings, reasons);
  for (const p of facts.plans) planReasons(p, settings, reasons);
  invitationReasons(facts.invitations, settings, reasons);
  return byRank(reasons);
}

/** Sorted by kind, stable: an insertion sort, since a citizen has a handful of reasons at most. */
function byRank(reasons: AttentionReason[]): AttentionReason[] {
  for (let i = 1; i < reasons.length; i++) {
    const r = reasons[i] as AttentionReason;
    let j = i - 1;
    while (j >= 0 && rank((reasons[j] as AttentionReason).kind) > rank(r.kind)) {
      reasons[j + 1] = reasons[j] as AttentionReason;
      j--;
    }
    reasons[j + 1] = r;
  }
  return reasons;
}

function seriesReasons(series: readonly SeriesFact[], out: AttentionReason[]): void {
  for (const s of series) {
    if (s.alert !== 'RED' && s.alert !== 'ORANGE') continue;
    const kind: AttentionKind = s.alliance
      ? 'ALLIANCE'
      : s.alert === 'RED'
        ? 'OUTCOME_RED'
        : 'OUTCOME_ORANGE';
    out.push(
      reason(kind, {
        colour: s.alert,
        alertReasons: [...s.alertReasons],
        instrumentKey: s.instrumentKey,
        departmentId: s.departmentId,
      }),
    );
  }
}

function followUpReasons(facts: CitizenFacts, settings: AttentionSettings, out: AttentionReason[]): void {
  const since = facts.lastMeasuredOn ?? facts.caseSinceOn;
  const days = daysBetween(since, settings.today);
  if (days > settings.followUpDays) out.push(reason('NO_RECENT_MEASUREMENT', { since, days }));
}

const DAY_MS = 86_400_000;

/**
 * An invitation is unanswered once half its validity has passed without an answer (time to
 * remind), and stays so after it expired for one follow-up interval (time to ask again or call).
 */
export function isUnanswered(
  i: InvitationFact,
  settings: Pick<AttentionSettings, 'now' | 'followUpDays'>,
): boolean {
  if (settings.now >= i.expiresAt) return settings.now - i.expiresAt <= settings.followUpDays * DAY_MS;
  return settings.now - i.createdAt >= (i.expiresAt - i.createdAt) / 2;
}

/** One reason for all of the row's unanswered invitations: how many, and since the oldest was sent. */
function invitationReasons(
  invitations: readonly InvitationFact[],
  settings: AttentionSettings,
  out: AttentionReason[],
): void {
  if (invitations.length === 0) return;
  const unanswered = invitations
    .filter((i) => isUnanswered(i, settings))
    .sort((a, b) => a.createdAt - b.createdAt);
  const oldest = unanswered[0];
  if (!oldest) return;
  out.push(
    reason('INVITATION_UNANSWERED', {
      planId: oldest.planId,
      departmentId: oldest.departmentId,
      since: oldest.sentOn,
      days: daysBetween(oldest.sentOn, settings.today),
      count: unanswered.length,
    }),
  );
}

/** The day before which a goal's last activity counts as unrated; the last answer is kept (one caseload asks it per plan). */
let lastDue = { today: '', weeks: 0, due: '' };
function unratedBefore(today: string, weeks: number): string {
  if (lastDue.today !== today || lastDue.weeks !== weeks)
    lastDue = { today, weeks, due: addDays(today, -weeks * 7) };
  return lastDue.due;
}

function planReasons(p: PlanFact, settings: AttentionSettings, out: AttentionReason[]): void {
  const next = p.latestMeeting?.status === 'CLOSED' ? p.latestMeeting.nextMeetingOn : null;
  if (p.carriesPlan && next !== null && next < settings.today) {
    out.push(
      reason('MEETING_OVERDUE', { planId: p.planId, since: next, days: daysBetween(next, settings.today) }),
    );
  }
  // More than unratedWeeks × 7 days before today, compared as ISO dates: no date arithmetic per goal.
  const due = unratedBefore(settings.today, settings.unratedWeeks);
  let unrated = 0;
  let oldest: string | null = null;
  for (const g of p.activeGoals) {
    if (g.lastActivityOn >= due) continue;
    unrated++;
    if (oldest === null || g.lastActivityOn < oldest) oldest = g.lastActivityOn;
  }
  if (oldest !== null) {
    out.push(
      reason('GOALS_UNRATED', {
        planId: p.planId,
        since: oldest,
        days: daysBetween(oldest, settings.today),
        count: unrated,
      }),
    );
  }
  if (!settings.planChecks || !p.carriesPlan) return;
  if (p.parallelPairs > 0)
    out.push(reason('PARALLEL_INTERVENTIONS', { planId: p.planId, count: p.parallelPairs }));
  if (p.unservedGoals > 0) out.push(reason('UNSERVED_GOALS', { planId: p.planId, count: p.unservedGoals }));
  if (p.family && !p.accepted) out.push(reason('NO_ACCEPTED_PLAN', { planId: p.planId }));
}

/** A row of the caseload before it is sorted. */
export interface Ranked {
  displayName: string;
  reasons: readonly AttentionReason[];
}

/** Danish alphabetical order (æ, ø, å last), built once: a collator per comparison is slow. */
export const danishOrder = new Intl.Collator('da');

interface AttentionKey {
  severity: number;
  count: number;
  longest: number;
  name: string;
}

function keyOf(r: Ranked): AttentionKey {
  const first = r.reasons[0];
  // A red alliance alert is as urgent as a red outcome alert: both are the person about to leave.
  const severity = !first
    ? attentionKinds.length
    : first.kind === 'ALLIANCE' && first.colour === 'ORANGE'
      ? rank('OUTCOME_ORANGE')
      : rank(first.kind);
  let longest = 0;
  for (const x of r.reasons) longest = Math.max(longest, x.days ?? 0);
  return { severity, count: r.reasons.length, longest, name: r.displayName };
}

const compareKeys = (a: AttentionKey, b: AttentionKey): number =>
  a.severity - b.severity ||
  b.count - a.count ||
  b.longest - a.longest ||
  danishOrder.compare(a.name, b.name);

/**
 * What needs attention first: the most severe reason, then more reasons, then the longest
 * overdue, then by name (Danish order) so the list is stable.
 */
export const compareAttention = (a: Ranked, b: Ranked): number => compareKeys(keyOf(a), keyOf(b));

/** The rows in `compareAttention` order, each row's key computed once (a caseload has thousands). */
export function sortByAttention<T extends Ranked>(rows: readonly T[]): T[] {
  return rows
    .map((row) => ({ row, key: keyOf(row) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((k) => k.row);
}

/** Citizens per kind (a citizen with two red series counts once under OUTCOME_RED). */
export function countByKind(rows: readonly Ranked[]): Map<AttentionKind, number> {
  const counts = new Map<AttentionKind, number>(attentionKinds.map((k) => [k, 0]));
  for (const { reasons } of rows) {
    for (let i = 0; i < reasons.length; i++) {
      const kind = (reasons[i] as AttentionReason).kind;
      let before = false;
      for (let j = 0; j < i && !before; j++) before = (reasons[j] as AttentionReason).kind === kind;
      if (!before) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  return counts;
}
