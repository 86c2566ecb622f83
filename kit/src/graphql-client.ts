import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/**
 * An operation as the generator types it (docs/widgets.md, "Typed operations"): its text, with
 * the answer's and the variables' types attached, so a widget never writes them by hand.
 */
export type TypedOperation<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> &
  // An object (the generator's TypedDocumentString), so a bare string with hand-written types
  // does not pass for one.
  object & { toString(): string };

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Every failure of a request. `code` is stable and meant for the UI to branch on:
 * the server's `extensions.code` (e.g. `FORBIDDEN`, `NOT_FOUND`), `NETWORK` when the request
 * never got a response (offline, DNS, CORS), `HTTP_<status>` for an HTTP failure without a
 * GraphQL body (e.g. `HTTP_403` from a proxy), `UNAUTHENTICATED` when no token could be
 * obtained, `BAD_RESPONSE` for a body that is not a GraphQL response.
 */
export class HelhedApiError extends Error {
  override readonly name = 'HelhedApiError';
  /** Stable error code, see the class description. */
  readonly code: string;
  /** HTTP status when a response arrived. */
  readonly status: number | undefined;
  /** All GraphQL errors of the response (the message and code are the first one's). */
  readonly errors: readonly GraphQLErrorEntry[];
  /** Partial data that came with the errors, if any; never silently dropped. */
  readonly data: unknown;

  constructor(
    code: string,
    message: string,
    details: { status?: number; errors?: readonly GraphQLErrorEntry[]; data?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.errors = details.errors ?? [];
    this.data = details.data;
  }
}

/** Options of {@link createGraphQLClient}. */
export interface GraphQLClientOptions {
  /** URL of the GraphQL endpoint. */
  endpoint: string;
  /** A fixed bearer token. */
  token?: string;
  /** Called before every request (so refreshed tokens are used); wins over `token`. */
  tokenProvider?: () => Promise<string> | string;
  /** Fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** Per-request options. */
export interface RequestOptions {
  /** Aborts the request; the abort error is rethrown as is, not wrapped. */
  signal?: AbortSignal;
}

/** A client bound to one endpoint and one identity. */
export interface GraphQLClient {
  /** Runs `operation`, resolving with `data` or rejecting with a {@link HelhedApiError}. */
  request<TData, TVariables>(
    operation: TypedOperation<TData, TVariables>,
    variables: TVariables,
    options?: RequestOptions,
  ): Promise<TData>;
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

function isResponseBody(body: unknown): body is GraphQLResponseBody {
  if (typeof body !== 'object' || body === null) return false;
  const { data, errors } = body as GraphQLResponseBody;
  return Array.isArray(errors) || (data !== undefined && typeof data === 'object');
}

async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function errorFromBody(body: GraphQLResponseBody, status: number): HelhedApiError {
  const errors = body.errors ?? [];
  const first = errors[0];
  return new HelhedApiError(first?.extensions?.code ?? 'GRAPHQL_ERROR', first?.message ?? 'GraphQL error', {
    status,
    errors,
    data: body.data ?? undefined,
  });
}

/**
 * Creates a small GraphQL-over-HTTP client: JSON POST with `Authorization: Bearer <token>`.
 * Any `errors` in the response reject the request, even when partial `data` came with them.
 */
export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function authorization(): Promise<string | undefined> {
    try {
      const token = options.tokenProvider ? await options.tokenProvider() : options.token;
      return token ? `Bearer ${token}` : undefined;
    } catch (cause) {
      throw new HelhedApiError('UNAUTHENTICATED', 'Could not obtain an access token', { cause });
    }
  }

  async function send(body: string, signal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    const auth = await authorization();
    if (auth) headers.authorization = auth;
    try {
      return await fetchImpl(options.endpoint, { method: 'POST', headers, body, signal });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new HelhedApiError('NETWORK', 'The server could not be reached', { cause });
    }
  }

  return {
    async request<TData, TVariables>(
      operation: TypedOperation<TData, TVariables>,
      variables: TVariables,
      requestOptions: RequestOptions = {},
    ) {
      const query = operation.toString();
      const response = await send(JSON.stringify({ query, variables }), requestOptions.signal);
      const body = await readBody(response);
      if (isResponseBody(body) && body.errors?.length) throw errorFromBody(body, response.status);
      if (!response.ok) {
        throw new HelhedApiError(`HTTP_${response.status}`, `Request failed with HTTP ${response.status}`, {
          status: response.status,
        });
      }
      if (!isResponseBody(body) || body.data === null || body.data === undefined) {
        throw new HelhedApiError('BAD_RESPONSE', 'The response was not a GraphQL result', {
          status: response.status,
        });
      }
      return body.data as TData;
    },
  };
}
