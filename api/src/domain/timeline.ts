import { and, desc, eq, inArray, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Actor } from '../access/actor.js';
import { planMembers } from '../access/plan-members.js';
import { authorizeCitizenRead, consentEnds, type DepartmentScope } from '../access/policy.js';
import type { Db } from '../db/client.js';
import type { Consent, DialogueMeeting, GoalRating, Measurement, Plan } from '../db/schema/index.js';
import { consent, dialogueMeeting, familyMember, goal, goalRating, measurement, plan } from '../db/tables.js';
import { badInput } from './errors.js';
import { notSuperseded } from './superseded.js';

export type TimelineKind = 'MEASUREMENT' | 'GOAL_RATING' | 'MEETING' | 'CONSENT_GRANTED' | 'CONSENT_REVOKED';

/** One thing that happened, with the row it came from. */
export type TimelineEntry = { at: Date; cursor: string } & (
  | { kind: 'MEASUREMENT'; measurement: Measurement }
  | { kind: 'GOAL_RATING'; goalRating: GoalRating }
  | { kind: 'MEETING'; meeting: DialogueMeeting }
  | { kind: 'CONSENT_GRANTED' | 'CONSENT_REVOKED'; consent: Consent }
);

/** Entries sort newest first by (time, kind rank, id); a cursor is that triple. */
const rank: Record<TimelineKind, number> = {
  CONSENT_REVOKED: 0,
  CONSENT_GRANTED: 1,
  MEETING: 2,
  GOAL_RATING: 3,
  MEASUREMENT: 4,
};

interface Cursor {
  at: number;
  rank: number;
  id: string;
}

export interface TimelinePage {
  limit: number;
  before?: string | null | undefined;
}

/** Whose data a timeline shows: per citizen the departments in scope, and the plans involved. */
interface TimelineSources {
  citizens: { citizenId: string; scope: DepartmentScope }[];
  /** Consents only where one of these departments is an end; null = all of the citizens' consents. */
  consentDepartments: readonly string[] | null;
  planIds: string[];
  /** Goal ratings of goals about these citizens (citizen timeline) or of these plans (plan timeline). */
  ratingsBy: 'SUBJECT' | 'PLAN';
}

/**
 * A citizen's timeline: measurements the actor may see (department scope from the policy),
 * ratings of goals about the citizen, meetings of the citizen's plans and the citizen's consents.
 */
export async function citizenTimeline(
  db: Db,
  actor: Actor,
  citizenId: string,
  page: TimelinePage,
): Promise<TimelineEntry[]> {
  const scope = await authorizeCitizenRead(db, actor, citizenId, 'citizenTimeline');
  const families = (
    await db
      .select({ id: familyMember.familyId })
      .from(familyMember)
      .where(eq(familyMember.citizenId, citizenId))
  ).map((f) => f.id);
  const plans = await db
    .select({ id: plan.id })
    .from(plan)
    .where(
      and(
        eq(plan.municipalityId, actor.municipalityId),
        families.length
          ? or(eq(plan.citizenId, citizenId), inArray(plan.familyId, families))
          : eq(plan.citizenId, citizenId),
      ),
    );
  return readTimeline(
    db,
    {
      citizens: [{ citizenId, scope }],
      consentDepartments: consentEnds(actor, scope),
      planIds: plans.map((p) => p.id),
      ratingsBy: 'SUBJECT',
    },
    page,
  );
}

/**
 * A plan's timeline: its goal ratings and meetings, and each member's measurements and consents
 * as far as the actor may see that member (a member out of reach contributes nothing).
 */
export async function planTimeline(
  db: Db,
  actor: Actor,
  p: Plan,
  page: TimelinePage,
): Promise<TimelineEntry[]> {
  const citizens: TimelineSources['citizens'] = [];
  for (const member of await planMembers(db, p)) {
    try {
      citizens.push({
        citizenId: member.citizenId,
        scope: await authorizeCitizenRead(db, actor, member.citizenId, 'planTimeline'),
      });
    } catch {
      // Out of reach (e.g. the other parent for a PARENT): audited as denied, shown as nothing.
    }
  }
  const some = citizens.find((c) => c.scope.kind === 'SOME');
  return readTimeline(
    db,
    {
      citizens,
      consentDepartments: some ? consentEnds(actor, some.scope) : null,
      planIds: [p.id],
      ratingsBy: 'PLAN',
    },
    page,
  );
}

async function readTimeline(db: Db, sources: TimelineSources, page: TimelinePage): Promise<TimelineEntry[]> {
  const before = page.before ? parseCursor(page.before) : null;
  const n = page.limit;
  const entries: TimelineEntry[] = [
    ...(await measurements(db, sources, before, n)).map((m) =>
      entry('MEASUREMENT', m.occurredAt, m.id, { measurement: m }),
    ),
    ...(await ratings(db, sources, before, n)).map((r) =>
      entry('GOAL_RATING', r.occurredAt, r.id, { goalRating: r }),
    ),
    ...(await meetings(db, sources, before, n)).map((m) => entry('MEETING', m.heldAt, m.id, { meeting: m })),
    ...(await consents(db, sources, before, n, 'CONSENT_GRANTED')).map((c) =>
      entry('CONSENT_GRANTED', c.grantedAt, c.id, { consent: c }),
    ),
    ...(await consents(db, sources, before, n, 'CONSENT_REVOKED')).map((c) =>
      entry('CONSENT_REVOKED', c.revokedAt ?? c.grantedAt, c.id, { consent: c }),
    ),
  ];
  return entries.sort((a, b) => compareDesc(a, b)).slice(0, n);
}

function entry<K extends TimelineKind, P>(kind: K, at: Date, id: string, payload: P) {
  return { kind, at, cursor: `${at.getTime()}.${rank[kind]}.${id}`, ...payload } as unknown as TimelineEntry;
}

function compareDesc(a: TimelineEntry, b: TimelineEntry): number {
  const [x, y] = [parseCursor(a.cursor), parseCursor(b.cursor)];
  if (x.at !== y.at) return y.at - x.at;
  if (x.rank !== y.rank) return y.rank - x.rank;
  return x.id < y.id ? 1 : x.id > y.id ? -1 : 0;
}

/** `before` is an entry's cursor, or an ISO 8601 instant (everything strictly earlier). */
function parseCursor(value: string): Cursor {
  const match = /^(\d{1,15})\.(\d)\.([\w-]{1,64})$/.exec(value);
  if (match) return { at: Number(match[1]), rank: Number(match[2]), id: match[3] as string };
  const at = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(at)) return { at, rank: -1, id: '' };
  throw badInput('before must be a cursor from a timeline entry or an ISO 8601 time.', 'before');
}

/** Rows of one source that sort after the cursor (see `rank`). */
function after(
  before: Cursor | null,
  kind: TimelineKind,
  at: SQLiteColumn,
  id: SQLiteColumn,
): SQL | undefined {
  if (!before) return undefined;
  const t = new Date(before.at);
  if (rank[kind] < before.rank) return lte(at, t);
  if (rank[kind] > before.rank) return lt(at, t);
  return or(lt(at, t), and(eq(at, t), lt(id, before.id)));
}

async function measurements(
  db: Db,
  s: TimelineSources,
  before: Cursor | null,
  n: number,
): Promise<Measurement[]> {
  const whose = s.citizens.map(({ citizenId, scope }) =>
    scope.kind === 'ALL'
      ? eq(measurement.citizenId, citizenId)
      : and(
          eq(measurement.citizenId, citizenId),
          inArray(measurement.departmentId, [...scope.departmentIds]),
        ),
  );
  if (whose.length === 0) return [];
  return await db
    .select()
    .from(measurement)
    .where(
      and(
        or(...whose),
        after(before, 'MEASUREMENT', measurement.occurredAt, measurement.id),
        notSuperseded(measurement.id),
      ),
    )
    .orderBy(desc(measurement.occurredAt), desc(measurement.id))
    .limit(n);
}

async function ratings(db: Db, s: TimelineSources, before: Cursor | null, n: number): Promise<GoalRating[]> {
  const which =
    s.ratingsBy === 'PLAN'
      ? s.planIds.length
        ? inArray(goal.planId, s.planIds)
        : undefined
      : s.citizens.length
        ? inArray(
            goal.subjectCitizenId,
            s.citizens.map((c) => c.citizenId),
          )
        : undefined;
  if (!which) return [];
  return (
    await db
      .select({ r: goalRating })
      .from(goalRating)
      .innerJoin(goal, eq(goal.id, goalRating.goalId))
      .where(and(which, after(before, 'GOAL_RATING', goalRating.occurredAt, goalRating.id)))
      .orderBy(desc(goalRating.occurredAt), desc(goalRating.id))
      .limit(n)
  ).map((row) => row.r);
}

async function meetings(
  db: Db,
  s: TimelineSources,
  before: Cursor | null,
  n: number,
): Promise<DialogueMeeting[]> {
  if (s.planIds.length === 0) return [];
  return await db
    .select()
    .from(dialogueMeeting)
    .where(
      and(
        inArray(dialogueMeeting.planId, s.planIds),
        after(before, 'MEETING', dialogueMeeting.heldAt, dialogueMeeting.id),
      ),
    )
    .orderBy(desc(dialogueMeeting.heldAt), desc(dialogueMeeting.id))
    .limit(n);
}

async function consents(
  db: Db,
  s: TimelineSources,
  before: Cursor | null,
  n: number,
  kind: 'CONSENT_GRANTED' | 'CONSENT_REVOKED',
): Promise<Consent[]> {
  if (s.citizens.length === 0) return [];
  const at = kind === 'CONSENT_GRANTED' ? consent.grantedAt : consent.revokedAt;
  const d = s.consentDepartments;
  return await db
    .select()
    .from(consent)
    .where(
      and(
        inArray(
          consent.citizenId,
          s.citizens.map((c) => c.citizenId),
        ),
        kind === 'CONSENT_REVOKED' ? isNotNull(consent.revokedAt) : undefined,
        d === null
          ? undefined
          : d.length === 0
            ? sql`false`
            : or(inArray(consent.fromDepartmentId, [...d]), inArray(consent.toDepartmentId, [...d])),
        after(before, kind, at, consent.id),
      ),
    )
    .orderBy(desc(at), desc(consent.id))
    .limit(n);
}
