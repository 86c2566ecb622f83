import { GraphQLError } from 'graphql';

/** The stable error codes vendors may branch on. Messages are for people; codes are for code. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT';

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
