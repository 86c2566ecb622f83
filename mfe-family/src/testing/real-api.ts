/** Test helpers that talk to the real API the test runner serves on its own origin. */

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
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
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
