export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A signed-in caller of a running server. */
export interface Caller {
  token: string;
  run<T = Record<string, never>>(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): Promise<GraphQLResult<T>>;
}

export async function devToken(url: string, claims: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/auth/dev-token`, { method: 'POST', body: JSON.stringify(claims) });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!body.token) throw new Error(`dev-token refused: ${body.error}`);
  return body.token;
}

export async function callerFor(url: string, claims: Record<string, string>): Promise<Caller> {
  const token = await devToken(url, claims);
  return {
    token,
    async run(query, variables, operationName) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables, operationName }),
      });
      return (await response.json()) as GraphQLResult<never>;
    },
  };
}

/** Runs one operation as the token's holder and returns its data; any GraphQL error throws. */
export async function dataOf<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResult<T>;
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}
