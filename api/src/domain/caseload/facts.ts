import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { flatRows } from '../../db/flat-rows.js';
import type { Goal, Intervention } from '../../db/schema/index.js';
import {
  citizen,
  citizenDepartment,
  citizenTargetGroup,
  department,
  dialogueMeeting,
  family,
  familyMember,
  goal,
  intervention,
  interventionGoal,
  invitation,
  plan,
} from '../../db/tables.js';
import { among, inSlices } from './id-list.js';

/**
 * The caseload's reads: each loads one kind of row for every citizen (or plan) at once, so a
 * department of thousands costs a fixed number of queries, never one per citizen. Plain
 * repository functions; the caller has decided which citizens the actor may see.
 */

const personFields = {
  id: citizen.id,
  displayName: citizen.displayName,
  birthYear: citizen.birthYear,
  createdAt: citizen.createdAt,
};

export const citizensById = (db: Db, municipalityId: string, ids: readonly string[]) =>
  inSlices(ids, (slice) =>
    flatRows(
      db,
      personFields,
      db
        .select(personFields)
        .from(citizen)
        .where(and(eq(citizen.municipalityId, municipalityId), among(db, citizen.id, slice))),
    ),
  );

/** When each of the departments' cases with the citizens began. */
const caseFields = { citizenId: citizenDepartment.citizenId, since: citizenDepartment.since };

export const casesOf = (db: Db, municipalityId: string, departmentIds: readonly string[]) =>
  flatRows(
    db,
    caseFields,
    db
      .select(caseFields)
      .from(citizenDepartment)
      .where(
        and(
          eq(citizenDepartment.municipalityId, municipalityId),
          inArray(citizenDepartment.departmentId, [...departmentIds]),
        ),
      ),
  );

/** The follow-up interval each department set (null = the default). */
export const followUpSettings = (db: Db, municipalityId: string, departmentIds: readonly string[]) =>
  db
    .select({ id: department.id, followUpDays: department.followUpDays })
    .from(department)
    .where(and(eq(department.municipalityId, municipalityId), inArray(department.id, [...departmentIds])));

/** The citizens tagged with a target group. */
export const taggedWith = async (db: Db, targetGroupId: string): Promise<Set<string>> =>
  new Set(
    (
      await db
        .select({ id: citizenTargetGroup.citizenId })
        .from(citizenTargetGroup)
        .where(eq(citizenTargetGroup.targetGroupId, targetGroupId))
    ).map((r) => r.id),
  );

export interface PlanRow {
  id: string;
  citizenId: string | null;
  familyId: string | null;
  familyName: string | null;
}

const memberFields = { familyId: familyMember.familyId, citizenId: familyMember.citizenId };
const planFields = {
  id: plan.id,
  citizenId: plan.citizenId,
  familyId: plan.familyId,
  familyName: family.name,
};

/** The plans the citizens take part in (their own and their families'), and who is in each family. */
export async function plansOf(db: Db, municipalityId: string, ids: readonly string[]) {
  const members = await inSlices(ids, (slice) =>
    flatRows(
      db,
      memberFields,
      db
        .select(memberFields)
        .from(familyMember)
        .where(among(db, familyMember.citizenId, slice)),
    ),
  );
  const familyIds = [...new Set(members.map((m) => m.familyId))];
  /** The plans whose `column` (their citizen, or their family) is among `keys`, oldest first. */
  const plansBy = (column: typeof plan.citizenId | typeof plan.familyId, keys: readonly string[]) =>
    inSlices(keys, (slice) =>
      flatRows(
        db,
        planFields,
        db
          .select(planFields)
          .from(plan)
          .leftJoin(family, eq(family.id, plan.familyId))
          .where(and(eq(plan.municipalityId, municipalityId), among(db, column, slice)))
          .orderBy(asc(plan.createdAt)),
      ),
    );
  const own = await plansBy(plan.citizenId, ids);
  const families = await plansBy(plan.familyId, familyIds);
  return { plans: [...own, ...families] as PlanRow[], members };
}

/** Every meeting of the plans: status, next meeting, acceptance. */
const meetingFields = {
  planId: dialogueMeeting.planId,
  heldAt: dialogueMeeting.heldAt,
  status: dialogueMeeting.status,
  nextMeetingOn: dialogueMeeting.nextMeetingOn,
  acceptedByParentAt: dialogueMeeting.acceptedByParentAt,
};

export const meetingsOf = (db: Db, planIds: readonly string[]) =>
  inSlices(planIds, (slice) =>
    flatRows(
      db,
      meetingFields,
      db
        .select(meetingFields)
        .from(dialogueMeeting)
        .where(among(db, dialogueMeeting.planId, slice)),
    ),
  );

export type GoalRow = Pick<
  Goal,
  'id' | 'planId' | 'subjectCitizenId' | 'status' | 'dominant' | 'createdAt' | 'lastRatedAt'
>;

const goalFields = {
  id: goal.id,
  planId: goal.planId,
  subjectCitizenId: goal.subjectCitizenId,
  status: goal.status,
  dominant: goal.dominant,
  createdAt: goal.createdAt,
  lastRatedAt: goal.lastRatedAt,
};

/**
 * The plans' goals, each with when it was last rated: `goal.last_rated_at`, which triggers derive
 * from goal_rating (docs/caseload.md), so no seek per goal into the ratings.
 */
export async function goalsOf(db: Db, planIds: readonly string[]): Promise<GoalRow[]> {
  return inSlices(planIds, (slice) =>
    flatRows(
      db,
      goalFields,
      db
        .select(goalFields)
        .from(goal)
        .where(among(db, goal.planId, slice)),
    ),
  );
}

export type InterventionRow = Pick<
  Intervention,
  'id' | 'planId' | 'departmentId' | 'responsibleProfessionalId' | 'startsOn' | 'endsOn'
> & { goalIds: string[] };

/** The plans' interventions with the goals each serves, for the coordinator's plan checks. */
export async function interventionsOf(db: Db, planIds: readonly string[]): Promise<InterventionRow[]> {
  const rows = await inSlices(planIds, (slice) =>
    db
      .select({
        id: intervention.id,
        planId: intervention.planId,
        departmentId: intervention.departmentId,
        responsibleProfessionalId: intervention.responsibleProfessionalId,
        startsOn: intervention.startsOn,
        endsOn: intervention.endsOn,
      })
      .from(intervention)
      .where(among(db, intervention.planId, slice)),
  );
  const links = await inSlices(
    rows.map((r) => r.id),
    (slice) =>
      db
        .select({ interventionId: interventionGoal.interventionId, goalId: interventionGoal.goalId })
        .from(interventionGoal)
        .where(among(db, interventionGoal.interventionId, slice)),
  );
  const goalsOfIntervention = new Map<string, string[]>();
  for (const l of links)
    goalsOfIntervention.set(l.interventionId, [
      ...(goalsOfIntervention.get(l.interventionId) ?? []),
      l.goalId,
    ]);
  return rows.map((r) => ({ ...r, goalIds: goalsOfIntervention.get(r.id) ?? [] }));
}

/**
 * Invitations the departments sent (null: any) that nobody used or revoked and that expired no
 * earlier than `expiredSince`: the candidates for INVITATION_UNANSWERED (attention.ts decides).
 */
export const pendingInvitationsOf = (
  db: Db,
  municipalityId: string,
  departmentIds: readonly string[] | null,
  expiredSince: Date,
) =>
  db
    .select({
      inviteeId: invitation.inviteeId,
      subjectCitizenId: invitation.subjectCitizenId,
      planId: invitation.planId,
      departmentId: invitation.departmentId,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .where(
      and(
        eq(invitation.municipalityId, municipalityId),
        departmentIds ? inArray(invitation.departmentId, [...departmentIds]) : undefined,
        isNull(invitation.usedAt),
        isNull(invitation.revokedAt),
        gte(invitation.expiresAt, expiredSince),
      ),
    );
