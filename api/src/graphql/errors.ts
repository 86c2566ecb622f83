import { GraphQLError } from 'graphql';

/** The stable error codes vendors may branch on. Messages are for people; codes are for code. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVITATION_INVALID'
  | 'NOT_CONFIGURED';

function expected(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const badInput = (message: string, field?: string) =>
  expected('BAD_USER_INPUT', message, field ? { field } : undefined);
/** Also used when a record exists but the actor may not know that, so existence never leaks. */
export const notFound = (what: string) => expected('NOT_FOUND', `${what} was not found.`);
export const unauthenticated = (message = 'Sign in first: send a valid bearer token.') =>
  expected('UNAUTHENTICATED', message);
export const forbidden = (message: string) => expected('FORBIDDEN', message);
/** `details` name what the conflict is with, e.g. `{ field: 'citizenId', planId }`. */
export const conflict = (message: string, details?: Record<string, unknown>) =>
  expected('CONFLICT', message, details);

/** An invitation link that cannot be used; `reason` says why, for the page the family sees. */
export const invitationInvalid = (reason: 'UNKNOWN' | 'EXPIRED' | 'USED' | 'REVOKED') =>
  expected(
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
  expected('NOT_CONFIGURED', message, { setting });
