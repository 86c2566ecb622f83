/**
 * Test helpers for every widget's browser tests: they talk to the real API the test runner serves
 * on its own origin (tooling/wtr-real-api.mjs). Requests carry `x-helhed-test`, so the network
 * switch (tooling/wtr-network-switch.mjs) never blocks the tests' own requests.
 */

/** The claims the dev identity provider signs. */
export interface DevClaims {
  role: string;
  departmentId?: string;
  citizenId?: string;
}

/** A token from the dev identity provider. */
export async function devToken(claims: DevClaims): Promise<string> {
  const response = await fetch('/auth/dev-token', { method: 'POST', body: JSON.stringify(claims) });
  return ((await response.json()) as { token: string }).token;
}

/** Runs an operation against the real API; any GraphQL error fails the test's setup. */
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

/** The demo department of a kind, e.g. EMPLOYMENT. */
export async function departmentId(kind: string): Promise<string> {
  const data = await gql<{ departments: { id: string; kind: string }[] }>(
    await devToken({ role: 'ADMIN' }),
    '{ departments { id kind } }',
  );
  const found = data.departments.find((d) => d.kind === kind);
  if (!found) throw new Error(`no ${kind} department`);
  return found.id;
}

/** A demo parent's citizen id by the start of their name as the dev identity provider lists it (Anna, Karim). */
export async function parentId(name: string): Promise<string> {
  const list = (await (await fetch('/auth/dev-identities')).json()) as {
    role: string;
    label: string;
    citizenId?: string;
  }[];
  const found = list.find((i) => i.role === 'PARENT' && i.label.startsWith(name));
  if (!found?.citizenId) throw new Error(`no parent ${name}`);
  return found.citizenId;
}

/** `down` drops the widget's requests, `lose-answers` lets them arrive and drops the answer. */
export async function setNetwork(mode: 'up' | 'down' | 'lose-answers'): Promise<void> {
  await fetch('/__test/network', { method: 'POST', body: JSON.stringify({ mode }) });
}
