/** Test helpers that talk to the real API the test runner serves on its own origin. */

export async function devToken(role: string, departmentId?: string): Promise<string> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    body: JSON.stringify({ role, departmentId }),
  });
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
