/** What the link page reads and writes, and the pure shaping of a refusal for the screen. */
import { graphql } from './gql/gql.js';
import type { FamilyInvitationQuery } from './gql/graphql.js';

export const INVITATION_QUERY = graphql(`
  query FamilyInvitation($token: String!) { invitation(token: $token) {
    scope expiresAt language departmentName
    instrument { key da: name(lang: da) en: name(lang: en) min max step items { key da: label(lang: da) en: label(lang: en) } }
    goals { id text instrumentKey subjectName min max step } } }
`);

export const ANSWER = graphql(`
  mutation FamilyAnswer($input: AnswerInvitationInput!) { answerInvitation(input: $input) {
    measurement { id } ratings { id } } }
`);

/** The invitation as the link page reads it, typed by the generator from the schema. */
export type InvitationView = FamilyInvitationQuery['invitation'];

/** Why a link does not work, as `extensions.reason` of INVITATION_INVALID says. */
export type LinkProblem = 'MISSING' | 'UNKNOWN' | 'EXPIRED' | 'USED' | 'REVOKED';

const reasons: readonly LinkProblem[] = ['UNKNOWN', 'EXPIRED', 'USED', 'REVOKED'];

/** The link problem of an API refusal; an unexpected reason counts as an unknown link (fails closed). */
export function linkProblemOf(code: string, reason: unknown): LinkProblem | null {
  if (code !== 'INVITATION_INVALID') return null;
  return reasons.find((r) => r === reason) ?? 'UNKNOWN';
}

/** The token of a link `<public url>/svar#t=<token>`: from the fragment, never sent to a server. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('t') ?? '';
}

/**
 * Which row a refused field names: `ratings[1].value`, `ratings.1.value` or `values[2]` give the
 * row's index; anything else is about the whole form (-1).
 */
export function rowOfField(field: string | undefined): number {
  const match = /(?:ratings|values)[[.](\d+)/.exec(field ?? '');
  return match ? Number(match[1]) : -1;
}
