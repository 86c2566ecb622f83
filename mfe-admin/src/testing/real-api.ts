/** Test helpers that talk to the real API the test runner serves on its own origin. */

export async function devToken(role: string, departmentId?: string): Promise<string> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    body: JSON.stringify({ role, departmentId }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** A GraphQL request to the real API with a token, for a test's own set-up. */
export async function graphql<T>(
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}
