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
    // The network switch never blocks the tests' own requests.
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

export const parentToken = async (firstName: string) =>
  devToken({ role: 'PARENT', citizenId: await parentId(firstName) });

export async function departmentId(kind: string): Promise<string> {
  const data = await gql<{ departments: { id: string; kind: string }[] }>(
    await devToken({ role: 'ADMIN' }),
    '{ departments { id kind } }',
  );
  const found = data.departments.find((d) => d.kind === kind);
  if (!found) throw new Error(`no ${kind} department`);
  return found.id;
}

export const professionalToken = async (kind: string) =>
  devToken({ role: 'PROFESSIONAL', departmentId: await departmentId(kind) });

/** A citizen of Anna's family by display name, as the parent sees them. */
export async function familyMember(parentFirstName: string, displayName: string): Promise<string> {
  const { citizens } = await gql<{ citizens: { id: string; displayName: string }[] }>(
    await parentToken(parentFirstName),
    '{ citizens { id displayName } }',
  );
  const found = citizens.find((c) => c.displayName === displayName);
  if (!found) throw new Error(`no ${displayName}`);
  return found.id;
}

/** `down` drops the widget's requests, `lose-answers` stores them and drops the answer. */
export async function setNetwork(mode: 'up' | 'down' | 'lose-answers'): Promise<void> {
  await fetch('/__test/network', { method: 'POST', body: JSON.stringify({ mode }) });
}

/** The Sørensen family's plan, as Anna sees it. */
export async function sorensenPlan(): Promise<string> {
  const { citizen } = await gql<{ citizen: { plans: { id: string }[] } }>(
    await parentToken('Anna'),
    'query($id: ID!) { citizen(id: $id) { plans { id } } }',
    { id: await parentId('Anna') },
  );
  const id = citizen.plans[0]?.id;
  if (!id) throw new Error('no Sørensen plan');
  return id;
}

/** An invitation handed over in person: its link's token (the fragment of `<url>/svar#t=…`). */
export async function invite(input: Record<string, unknown>): Promise<string> {
  const { inviteToAnswer } = await gql<{ inviteToAnswer: { link: string } }>(
    await professionalToken('CHILDREN_FAMILY'),
    'mutation($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) { link } }',
    { input },
  );
  return new URLSearchParams(new URL(inviteToAnswer.link).hash.slice(1)).get('t') ?? '';
}
