import { createGraphQLClient, type GraphQLClient, HelhedApiError } from '@helhed/kit';

/** The embedding contract's connection properties, shared by every element of mfe-plan. */
export interface ApiConnection {
  /** The GraphQL endpoint. */
  api: string;
  /** A fixed bearer token. */
  token?: string;
  /** Called before each request for a fresh bearer token; wins over `token`. */
  tokenProvider?: () => Promise<string> | string;
}

/** A client that reads the element's token (or provider) at each request, so a refresh is seen. */
export function clientFor(host: ApiConnection): GraphQLClient {
  return createGraphQLClient({ endpoint: host.api, tokenProvider: () => currentToken(host) });
}

/** The token the next request will carry. */
export async function currentToken(host: ApiConnection): Promise<string> {
  return host.tokenProvider ? await host.tokenProvider() : (host.token ?? '');
}

/** The stable code of any failure, for the UI and the `helhed-error` event. */
export function errorCode(error: unknown): string {
  return error instanceof HelhedApiError ? error.code : 'UNKNOWN';
}

/** Dispatches a `helhed-*` event that crosses shadow roots, as the embedding contract says. */
export function emit<T>(host: HTMLElement, type: string, detail: T): void {
  host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
