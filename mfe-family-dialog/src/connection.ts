import { createGraphQLClient, type GraphQLClient, HelhedApiError } from '@helhed/kit';

/** The embedding contract's connection properties. */
export interface ApiConnection {
  /** The GraphQL endpoint. */
  api: string;
  /** A fixed bearer token. */
  token?: string;
  /** Called before each request for a fresh bearer token; wins over `token`. */
  tokenProvider?: () => Promise<string> | string;
}

/** The current bearer token of the host (provider first). */
export async function tokenOf(host: ApiConnection): Promise<string> {
  return host.tokenProvider ? host.tokenProvider() : (host.token ?? '');
}

/** A client that reads the element's token (or provider) at each request, so a refresh is seen. */
export function clientFor(host: ApiConnection): GraphQLClient {
  return createGraphQLClient({ endpoint: host.api, tokenProvider: () => tokenOf(host) });
}

/** Who the token says is signed in. Only for choosing a view: the API decides what is allowed. */
export function claimsOf(token: string): { role?: string; citizen?: string } {
  try {
    const part = token.split('.')[1] ?? '';
    return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as {
      role?: string;
      citizen?: string;
    };
  } catch {
    return {};
  }
}

/** The stable code and (for bad input) the field of a failure. */
export function failureOf(error: unknown): { code: string; field?: string; message?: string } {
  if (!(error instanceof HelhedApiError)) return { code: 'UNKNOWN' };
  const field = error.errors[0]?.extensions?.field;
  return { code: error.code, field: typeof field === 'string' ? field : undefined, message: error.message };
}

/** Dispatches a `helhed-*` event that crosses shadow roots, as the embedding contract says. */
export function emit<T>(host: HTMLElement, type: string, detail: T): void {
  host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
