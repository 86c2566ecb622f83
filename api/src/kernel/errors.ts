/**
 * The refusals the core raises, without knowing who asked: GraphQL turns a DomainError into an
 * error with `extensions: { code, field, … }` (graphql/errors.ts), the FHIR endpoint into an
 * OperationOutcome (fhir/http.ts). Codes and messages are the API's contract: vendors branch on
 * the code, people read the message.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVITATION_INVALID'
  | 'NOT_CONFIGURED';

/** What a refusal names besides its code: the input field, and for some codes a little more. */
export interface ErrorDetails {
  field?: string;
  [detail: string]: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  /** The input field the refusal is about, when there is one. */
  readonly field: string | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Everything a client may read besides the message, `field` included (e.g. `{ reason }`). */
    readonly details: Readonly<ErrorDetails> = {},
  ) {
    super(message);
    this.field = typeof details.field === 'string' ? details.field : undefined;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const badInput = (message: string, field?: string) =>
  new DomainError('BAD_USER_INPUT', message, field ? { field } : undefined);
/** Also used when a record exists but the actor may not know that, so existence never leaks. */
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found.`);
export const unauthenticated = (message = 'Sign in first: send a valid bearer token.') =>
  new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
/** `details` name what the conflict is with, e.g. `{ field: 'citizenId', planId }`. */
export const conflict = (message: string, details?: ErrorDetails) =>
  new DomainError('CONFLICT', message, details);

/** An invitation link that cannot be used; `reason` says why, for the page the family sees. */
export const invitationInvalid = (reason: 'UNKNOWN' | 'EXPIRED' | 'USED' | 'REVOKED') =>
  new DomainError(
    'INVITATION_INVALID',
    {
      UNKNOWN: 'This link is not valid.',
      EXPIRED: 'This link has expired.',
      USED: 'This link has already been used.',
      REVOKED: 'This link has been withdrawn.',
    }[reason],
    { reason },
  );
/** The deployment lacks a setting the request needs; says which, changes nothing. */
export const notConfigured = (message: string, setting: string) =>
  new DomainError('NOT_CONFIGURED', message, { setting });
