import { createGraphQLClient, type GraphQLClient, HelhedApiError } from './graphql-client.js';

/** The embedding contract's connection properties, shared by every Helhed element. */
export interface ApiConnection {
  /** The GraphQL endpoint. */
  api: string;
  /** A fixed bearer token. */
  token?: string;
  /** Called before each request for a fresh bearer token; wins over `token`. */
  tokenProvider?: () => Promise<string> | string;
}

/** The token the next request will carry (provider first). */
export async function tokenOf(host: ApiConnection): Promise<string> {
  return host.tokenProvider ? await host.tokenProvider() : (host.token ?? '');
}

/** A client that reads the element's token (or provider) at each request, so a refresh is seen. */
export function clientFor(host: ApiConnection): GraphQLClient {
  return createGraphQLClient({ endpoint: host.api, tokenProvider: () => tokenOf(host) });
}

/** Claims a widget may read from a token to choose what to offer. */
export interface ViewClaims {
  /** Who the token speaks for; the offline queue keeps entries apart by it. */
  sub?: string;
  role?: string;
  department?: string;
  citizen?: string;
}

/**
 * The claims of a JWT, read but NOT verified: only for choosing a view or which controls to
 * offer. The API decides what is allowed.
 */
export function claimsOf(token: string): ViewClaims {
  try {
    const part = token.split('.')[1] ?? '';
    return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as ViewClaims;
  } catch {
    return {};
  }
}

/** The subject of the token the next request will carry, or null when there is none. */
export async function subjectOf(host: ApiConnection): Promise<string | null> {
  return claimsOf(await tokenOf(host)).sub ?? null;
}

/** The stable code of any failure, for the UI and the `helhed-error` event. */
export function errorCode(error: unknown): string {
  return error instanceof HelhedApiError ? error.code : 'UNKNOWN';
}

/** What the UI may know of a failure: the stable code and, for bad input, the field (and the message, for logs). */
export interface Failure {
  code: string;
  field?: string;
  message?: string;
}

/** The stable code and, for bad input, the field and message of a failure. */
export function failureOf(error: unknown): Failure {
  if (!(error instanceof HelhedApiError)) return { code: 'UNKNOWN' };
  const field = error.errors[0]?.extensions?.field;
  return { code: error.code, field: typeof field === 'string' ? field : undefined, message: error.message };
}

/** Dispatches a `helhed-*` event that crosses shadow roots, as the embedding contract says. */
export function emit<T>(host: HTMLElement, type: string, detail: T): void {
  host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
