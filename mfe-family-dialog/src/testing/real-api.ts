/**
 * Test helpers that talk to the real API the test runner serves on its own origin. Requests
 * carry `x-helhed-test`, so the network switch (web-test-runner.config.mjs) never blocks them.
 */

export async function devToken(claims: { role: string; departmentId?: string; citizenId?: string }) {
  const response = await fetch('/auth/dev-token', { method: 'POST', body: JSON.stringify(claims) });
  return ((await response.json()) as { token: string }).token;
}

export async function gql<T>(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-helhed-test': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/** The demo's parents by first name (Anna, Karim) with their citizen ids. */
export async function parentId(firstName: string): Promise<string> {
  const list = (await (await fetch('/auth/dev-identities')).json()) as {
    role: string;
    label: string;
    citizenId?: string;
  }[];
  const found = list.find((i) => i.role === 'PARENT' && i.label.startsWith(firstName));
  if (!found?.citizenId) throw new Error(`no parent ${firstName}`);
  return found.citizenId;
}

export async function departmentId(kind: string): Promise<string> {
  const data = await gql<{ departments: { id: string; kind: string }[] }>(
    await devToken({ role: 'ADMIN' }),
    '{ departments { id kind } }',
  );
  const found = data.departments.find((d) => d.kind === kind);
  if (!found) throw new Error(`no ${kind} department`);
  return found.id;
}

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

/** Switches the test server's network for the widget's requests. */
export async function setNetwork(mode: 'up' | 'down' | 'lose-answers'): Promise<void> {
  await fetch('/__test/network', { method: 'POST', body: JSON.stringify({ mode }) });
}
