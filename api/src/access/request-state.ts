import type { DepartmentScope } from './policy.js';

/** A citizen read the gate granted (and audited) in this request. */
export interface Grant {
  scope: DepartmentScope;
  /** Whether the actor's own department has a case with the citizen, when the gate learnt it. */
  hasCase: boolean | undefined;
}

/**
 * What one request has learnt so far, so that it neither re-checks nor re-audits within
 * itself: a query whose fields each open the same citizen (citizen → progression → timeline) is
 * checked and audited once, not once per field — each audit is a commit and an fsync.
 *
 * Made by whoever makes a request's actor (the GraphQL context factory, the FHIR endpoint, an
 * invitation link, the digest, an import) and handed to the policy on the actor. Never share one
 * between two actors: a grant holds for the actor it was granted to.
 */
export interface RequestState {
  /** Citizen reads granted in this request, by citizen id (policy.authorizeCitizenRead). */
  readonly grants: Map<string, Grant>;
  /** Per plan: whose interventions the caller may see (policy.planDepartmentScope). */
  readonly planScopes: Map<string, DepartmentScope>;
}

export const createRequestState = (): RequestState => ({ grants: new Map(), planScopes: new Map() });
