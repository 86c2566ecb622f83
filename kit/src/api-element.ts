import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ApiConnection } from './connection.js';

/**
 * The embedding contract's connection properties, declared once: every Helhed element that talks
 * to the API extends this instead of re-declaring `api`, `token` and `tokenProvider`.
 */
export class HelhedApiElement extends LitElement implements ApiConnection {
  /** The GraphQL endpoint. */
  @property() api = '/graphql';
  /** A bearer token; prefer {@link tokenProvider} when tokens expire. */
  @property({ attribute: false }) token?: string;
  /** Called before each request for a fresh bearer token; wins over `token`. */
  @property({ attribute: false }) tokenProvider?: () => Promise<string> | string;

  /** What identifies the connection, as one of a load controller's inputs: a new endpoint or token re-reads. */
  protected get connection(): string {
    return [this.api, this.token ?? '', this.tokenProvider ? 'provider' : ''].join('|');
  }
}
