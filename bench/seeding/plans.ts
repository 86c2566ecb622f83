import type Database from 'better-sqlite3';
import type { DepartmentKind } from '../../api/src/db/schema/index.js';
import type { seededRandom } from '../../api/src/db/seed/random.js';
import {
  dialogueMeeting,
  goal,
  goalDepartment,
  goalRating,
  intervention,
  interventionGoal,
  meetingParticipant,
  plan,
} from '../../api/src/db/tables.js';
import type { Household, Person } from './people.js';
import { goalRatingValue, pickTrend } from './series.js';
import { rowWriter } from './writer.js';

type Random = ReturnType<typeof seededRandom>;

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What each department typically does, and under which legal basis. */
const interventionKinds: Record<DepartmentKind, { type: string; legalBasis: string }[]> = {
  EMPLOYMENT: [
    { type: 'Mentorstøtte', legalBasis: 'LAB § 31' },
    { type: 'Virksomhedspraktik', legalBasis: 'LAB § 42' },
  ],
  CHILDREN_FAMILY: [
    { type: 'Familiebehandling', legalBasis: 'BL § 32' },
    { type: 'Kontaktperson', legalBasis: 'BL § 32' },
  ],
  ADULT_SOCIAL: [
    { type: 'Socialpædagogisk støtte', legalBasis: 'SEL § 85' },
    { type: 'Bostøtte', legalBasis: 'SEL § 85' },
  ],
  HEALTH: [{ type: 'Forebyggelsesforløb', legalBasis: 'SUL § 119' }],
  EDUCATION: [{ type: 'Uddannelsesvejledning', legalBasis: 'LVU § 9' }],
  OTHER: [{ type: 'Koordinerende indsats', legalBasis: 'SEL § 81 a' }],
};

const goalTexts: Record<DepartmentKind, string[]> = {
  EMPLOYMENT: ['Jeg får et job, jeg kan holde til', 'Jeg møder op i praktik hver uge'],
  CHILDREN_FAMILY: ['Vi har gode aftener sammen', 'Der er færre konflikter derhjemme'],
  ADULT_SOCIAL: ['Jeg klarer min økonomi selv', 'Jeg har styr på min hverdag'],
  HEALTH: ['Jeg sover bedre', 'Jeg har mere overskud i kroppen'],
  EDUCATION: ['Jeg kommer i skole hver dag', 'Jeg gennemfører min uddannelse'],
  OTHER: ['Jeg ved, hvem jeg skal kontakte', 'Vi har én samlet plan'],
};

/** A rater's own view of a goal, in tenths: parents a little hopeful, professionals a little careful. */
const raterBias: Record<string, [number, number]> = {
  PARENT: [0, 10],
  CITIZEN: [0, 10],
  CHILD: [-20, 20],
  PROFESSIONAL: [-10, 0],
};

export interface PlanWriters {
  plan: ReturnType<typeof rowWriter<typeof plan>>;
  goal: ReturnType<typeof rowWriter<typeof goal>>;
  goalDepartment: ReturnType<typeof rowWriter<typeof goalDepartment>>;
  intervention: ReturnType<typeof rowWriter<typeof intervention>>;
  interventionGoal: ReturnType<typeof rowWriter<typeof interventionGoal>>;
  meeting: ReturnType<typeof rowWriter<typeof dialogueMeeting>>;
  participant: ReturnType<typeof rowWriter<typeof meetingParticipant>>;
  rating: ReturnType<typeof rowWriter<typeof goalRating>>;
}

export function planWriters(sqlite: Database.Database): PlanWriters {
  return {
    plan: rowWriter(sqlite, plan),
    goal: rowWriter(sqlite, goal),
    goalDepartment: rowWriter(sqlite, goalDepartment),
    intervention: rowWriter(sqlite, intervention),
    interventionGoal: rowWriter(sqlite, interventionGoal),
    meeting: rowWriter(sqlite, dialogueMeeting),
    participant: rowWriter(sqlite, meetingParticipant),
    rating: rowWriter(sqlite, goalRating),
  };
}

export interface PlanContext {
  rnd: Random;
  municipalityId: string;
  until: number;
  departmentIds: Map<DepartmentKind, string>;
  professionalIds: Map<DepartmentKind, string[]>;
  write: PlanWriters;
}

interface PlannedGoal {
  id: string;
  kinds: DepartmentKind[];
  scale: { baseline: number; target: number; min: number; max: number; step: number };
  finalProgress: number;
}

/**
 * One plan for a household (or a single citizen): 3–6 goals owned by the departments its
 * members meet, one intervention per department serving that department's goals, and dialogue
 * meetings where each participant rates each goal. Returns the intervention per department,
 * which the measurements of that department link to.
 */
export function writePlan(
  ctx: PlanContext,
  household: Household,
  single: boolean,
): Map<DepartmentKind, string> {
  const { rnd, write, municipalityId: m } = ctx;
  const starts = household.members.flatMap((p) => p.contacts.map((c) => c.start));
  const planStart = Math.min(...starts, ctx.until - 30 * DAY) - rnd.int(1, 14) * DAY;
  const planId = rnd.uuid();
  const owner = single ? household.members[0] : undefined;
  write.plan({
    id: planId,
    municipalityId: m,
    citizenId: owner?.id ?? null,
    familyId: single ? null : household.id,
    createdAt: new Date(planStart),
  });
  const goals = writeGoals(ctx, household, planId, planStart);
  const interventions = writeInterventions(ctx, household, planId, goals);
  writeMeetings(ctx, household, planId, planStart, goals, interventions.responsible);
  return interventions.byKind;
}

function writeGoals(
  ctx: PlanContext,
  household: Household,
  planId: string,
  planStart: number,
): PlannedGoal[] {
  const { rnd, write } = ctx;
  const withContacts = household.members.filter((p) => p.contacts.length > 0);
  const gas = rnd.next() < 0.2;
  const dominantAt = rnd.next() < 0.6 ? 0 : -1;
  const count = rnd.int(3, 6);
  const goals: PlannedGoal[] = [];
  for (let i = 0; i < count; i++) {
    const subject = rnd.pick(withContacts.length ? withContacts : household.members);
    const kinds = [...new Set(subject.contacts.map((c) => c.kind).filter(() => rnd.next() < 0.75))];
    if (kinds.length === 0) kinds.push(subject.contacts[0]?.kind ?? 'OTHER');
    const scale = gas
      ? { baseline: -10, target: 0, min: -20, max: 20, step: 10 }
      : { baseline: rnd.int(10, 40), target: rnd.int(60, 90), min: 0, max: 100, step: 1 };
    const trend = pickTrend(rnd);
    const finalProgress =
      trend === 'IMPROVING'
        ? 0.6 + rnd.next() * 0.7
        : trend === 'FLAT'
          ? rnd.next() * 0.3 - 0.1
          : -0.2 - rnd.next() * 0.5;
    const id = rnd.uuid();
    write.goal({
      id,
      municipalityId: ctx.municipalityId,
      planId,
      subjectCitizenId: subject.id,
      text: rnd.pick(goalTexts[kinds[0] ?? 'OTHER']),
      instrumentKey: gas ? 'gas' : 'goal-scale',
      baseline: scale.baseline,
      target: scale.target,
      weight: gas ? rnd.int(1, 2) : 1,
      status:
        trend === 'IMPROVING' && rnd.next() < 0.25 ? 'ACHIEVED' : rnd.next() < 0.05 ? 'CLOSED' : 'ACTIVE',
      dominant: i === dominantAt,
      createdAt: new Date(planStart),
    });
    for (const kind of kinds)
      write.goalDepartment({ goalId: id, departmentId: ctx.departmentIds.get(kind) ?? '' });
    goals.push({ id, kinds, scale, finalProgress });
  }
  return goals;
}

function writeInterventions(
  ctx: PlanContext,
  household: Household,
  planId: string,
  goals: PlannedGoal[],
): { byKind: Map<DepartmentKind, string>; responsible: string | null } {
  const { rnd, write } = ctx;
  const byKind = new Map<DepartmentKind, string>();
  let responsible: string | null = null;
  for (const person of household.members) {
    for (const contact of person.contacts) {
      if (byKind.has(contact.kind)) continue;
      const id = rnd.uuid();
      const what = rnd.pick(interventionKinds[contact.kind]);
      const last = contact.start + (contact.sessions - 1) * contact.gapDays * DAY;
      const professionalId = ctx.professionalIds.get(contact.kind)?.[contact.professionalIndex] ?? null;
      responsible ??= professionalId;
      write.intervention({
        id,
        municipalityId: ctx.municipalityId,
        planId,
        departmentId: ctx.departmentIds.get(contact.kind) ?? '',
        type: what.type,
        legalBasis: what.legalBasis,
        startsOn: isoDate(contact.start),
        endsOn: last < ctx.until - 60 * DAY ? isoDate(last + 14 * DAY) : null,
        responsibleProfessionalId: professionalId,
        yearlyCost: rnd.next() < 0.5 ? rnd.int(20, 400) * 1000 : null,
      });
      let served = goals.filter((g) => g.kinds.includes(contact.kind));
      if (served.length === 0 && rnd.next() < 0.7) served = [rnd.pick(goals)];
      for (const g of served) write.interventionGoal({ interventionId: id, goalId: g.id });
      byKind.set(contact.kind, id);
    }
  }
  return { byKind, responsible };
}

function writeMeetings(
  ctx: PlanContext,
  household: Household,
  planId: string,
  planStart: number,
  goals: PlannedGoal[],
  professionalId: string | null,
): void {
  const { rnd, write } = ctx;
  const meetings = rnd.int(2, 4);
  const people: { role: string; name: string; citizen: Person | null }[] = household.members
    .filter((p) => p.role !== 'CHILD' || ctx.until - Date.UTC(p.birthYear, 6, 1) > 10 * 365 * DAY)
    .map((p) => ({ role: p.role === 'SINGLE' ? 'CITIZEN' : p.role, name: p.name, citizen: p }));
  people.push({ role: 'PROFESSIONAL', name: 'Sagsbehandler', citizen: null });
  let at = planStart + rnd.int(7, 30) * DAY;
  for (let k = 0; k < meetings && at < ctx.until; k++) {
    const meetingId = rnd.uuid();
    const last = k === meetings - 1 || at + 100 * DAY > ctx.until;
    const next = at + rnd.int(40, 100) * DAY;
    write.meeting({
      id: meetingId,
      municipalityId: ctx.municipalityId,
      planId,
      heldAt: new Date(at),
      status: last && rnd.next() < 0.3 ? 'OPEN' : 'CLOSED',
      agreements: 'Vi fortsætter med de aftalte indsatser og mødes igen.',
      nextMeetingOn: last ? null : isoDate(next),
      acceptedByParentAt: household.members.length > 1 && rnd.next() < 0.7 ? new Date(at + DAY) : null,
    });
    const progress = meetings > 1 ? k / (meetings - 1) : 1;
    for (const person of people) {
      const participantId = rnd.uuid();
      write.participant({
        id: participantId,
        meetingId,
        role: person.role,
        displayName: person.name,
        citizenId: person.citizen?.id ?? null,
        professionalId: person.citizen ? null : professionalId,
      });
      const [low, high] = raterBias[person.role] ?? [0, 0];
      const bias = rnd.int(low, high);
      for (const g of goals) {
        const ratingId = rnd.uuid();
        write.rating({
          id: ratingId,
          municipalityId: ctx.municipalityId,
          goalId: g.id,
          raterRole: person.role,
          raterId: person.citizen?.id ?? professionalId,
          value: goalRatingValue(rnd, g.scale, g.finalProgress * progress, bias),
          occurredAt: new Date(at),
          recordedAt: new Date(at + 3_600_000),
          meetingId,
          participantId,
          idempotencyKey: `bench-${ratingId}`,
        });
      }
    }
    at = next;
  }
}
