/** The family dialogue's test setups, on kit's helpers for the real API. */
import { departmentId, devToken, gql, parentId } from '@helhed/kit/testing';

export { departmentId, devToken, gql, parentId, setNetwork } from '@helhed/kit/testing';

/** A family-department caseworker's token. */
export async function caseworker(): Promise<string> {
  return devToken({ role: 'PROFESSIONAL', departmentId: await departmentId('CHILDREN_FAMILY') });
}

export const parentToken = async (firstName: string) =>
  devToken({ role: 'PARENT', citizenId: await parentId(firstName) });

/** The Sørensen family's plan, found through a meeting in Anna's timeline. */
export async function sorensenPlan(): Promise<string> {
  const data = await gql<{ citizen: { timeline: { meeting: { planId: string } | null }[] } }>(
    await devToken({ role: 'COORDINATOR' }),
    'query($id: ID!) { citizen(id: $id) { timeline(limit: 200) { meeting { planId } } } }',
    { id: await parentId('Anna') },
  );
  const planId = data.citizen.timeline.find((e) => e.meeting)?.meeting?.planId;
  if (!planId) throw new Error('no Sørensen plan');
  return planId;
}

export interface MeetingInfo {
  id: string;
  status: string;
  acceptedByParentAt: string | null;
  participants: {
    id: string;
    role: string;
    displayName: string;
    ratings: { goalId: string; value: number }[];
  }[];
}

export async function meetingsOf(token: string, planId: string) {
  const data = await gql<{ plan: { goals: { id: string; text: string }[]; meetings: MeetingInfo[] } }>(
    token,
    `query($id: ID!) { plan(id: $id) { goals { id text } meetings { id status acceptedByParentAt
      participants { id role displayName ratings { goalId value } } } } }`,
    { id: planId },
  );
  return data.plan;
}

/** Closes any open meeting of the plan, so a test starts from a known state. */
export async function closeOpenMeetings(token: string, planId: string): Promise<void> {
  for (const m of (await meetingsOf(token, planId)).meetings.filter((m) => m.status === 'OPEN')) {
    await gql(token, 'mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }', {
      input: { meetingId: m.id, agreements: 'Lukket af en test.' },
    });
  }
}

export async function startMeeting(
  token: string,
  planId: string,
  participants: { role: string; displayName: string }[],
): Promise<MeetingInfo> {
  const data = await gql<{ startMeeting: MeetingInfo }>(
    token,
    'mutation($input: StartMeetingInput!) { startMeeting(input: $input) { id status acceptedByParentAt participants { id role displayName ratings { goalId value } } } }',
    { input: { planId, participants } },
  );
  return data.startMeeting;
}

export async function rate(
  token: string,
  goalId: string,
  meeting: MeetingInfo,
  participantIndex: number,
  value: number,
) {
  const participant = meeting.participants[participantIndex];
  if (!participant) throw new Error('no such participant');
  await gql(token, 'mutation($input: RateGoalInput!) { rateGoal(input: $input) { id } }', {
    input: {
      idempotencyKey: crypto.randomUUID(),
      goalId,
      raterRole: participant.role,
      value,
      occurredAt: new Date().toISOString(),
      meetingId: meeting.id,
      participantId: participant.id,
    },
  });
}

/** A caseworker's fresh plan for a new citizen with the given goals (0–10 goal scale). */
export async function freshPlan(token: string, goals: string[]) {
  const department = await departmentId('CHILDREN_FAMILY');
  const { createCitizen } = await gql<{ createCitizen: { id: string } }>(
    token,
    'mutation { createCitizen(input: {displayName: "Sara Test", birthYear: 2012}) { id } }',
  );
  const { createPlan } = await gql<{ createPlan: { id: string } }>(
    token,
    'mutation($id: ID!) { createPlan(input: {citizenId: $id}) { id } }',
    { id: createCitizen.id },
  );
  const goalIds: string[] = [];
  for (const text of goals) {
    const { addGoal } = await gql<{ addGoal: { id: string } }>(
      token,
      'mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }',
      {
        input: {
          planId: createPlan.id,
          text,
          departmentIds: [department],
          instrumentKey: 'goal-scale',
          baseline: 2,
          target: 8,
        },
      },
    );
    goalIds.push(addGoal.id);
  }
  return { planId: createPlan.id, goalIds, citizenId: createCitizen.id };
}
