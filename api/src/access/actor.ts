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
}

/** What a role reads for when the request does not say. */
export const defaultPurpose: Record<Role, string> = {
  PROFESSIONAL: 'case-work',
  COORDINATOR: 'plan-coordination',
  PARENT: 'own-data',
  CITIZEN: 'own-data',
  ANALYST: 'statistics',
  INTEGRATION: 'integration',
  ADMIN: 'administration',
};
