export const roles = [
  'PROFESSIONAL',
  'COORDINATOR',
  'PARENT',
  'CITIZEN',
  'ANALYST',
  'INTEGRATION',
  'ADMIN',
] as const;
export type Role = (typeof roles)[number];

import type { RequestState } from './request-state.js';

/** Who is asking, as established from a verified token. */
export interface Actor {
  subject: string;
  role: Role;
  municipalityId: string;
  /** The department a professional works in; null for roles outside departments. */
  departmentId: string | null;
  /**
   * For INTEGRATION: the departments a vendor's client acts for (the `departments` claim).
   * Empty means none, unless `allDepartments`. Ignored for other roles.
   */
  departmentIds: readonly string[];
  /** For INTEGRATION: the token said `departments: "*"`, the whole municipality, explicitly. */
  allDepartments?: boolean;
  /** For PARENT and CITIZEN: the citizen the person is. */
  citizenId: string | null;
  /** Why the data is read, from the token or the X-Helhed-Purpose header (audited). */
  purpose: string;
  /**
   * When the request arrived, by the server's injected clock: the policy's "now" (consent
   * expiry, a child's age). Set by the server; absent only in unit tests of the policy.
   */
  at?: Date;
  /** When the token stops being valid; a live stream ends then. */
  expiresAt?: Date;
  /** The token's `name` and `email` claims, when the identity provider sends them. */
  profile?: { name: string; email: string | null };
  /**
   * This request's grants, set where the request's actor is made (the GraphQL context's
   * `request`). Without it every check asks the database and audits again.
   */
  request?: RequestState | undefined;
}

/**
 * The purposes a request may state (X-Helhed-Purpose or the token's `purpose` claim). Citizens
 * read them in their access log, so they are codes from this list, never a caller's free text;
 * anything else is recorded as `other`.
 */
export const purposes = [
  'case-work',
  'plan-coordination',
  'own-data',
  'statistics',
  'integration',
  'administration',
  'family-dialogue',
  'case-review',
  'complaint',
  'supervision',
  'other',
] as const;
export type Purpose = (typeof purposes)[number];

const known: ReadonlySet<string> = new Set(purposes);

/** A stated purpose as recorded and shown: itself when on the list, else `other`. */
export const purposeOf = (stated: string): Purpose => (known.has(stated) ? (stated as Purpose) : 'other');

/** What a role reads for when the request does not say. */
export const defaultPurpose: Record<Role, Purpose> = {
  PROFESSIONAL: 'case-work',
  COORDINATOR: 'plan-coordination',
  PARENT: 'own-data',
  CITIZEN: 'own-data',
  ANALYST: 'statistics',
  INTEGRATION: 'integration',
  ADMIN: 'administration',
};
