/** What the plan's start reads and writes: the staff directory and createPlan (docs/setup.md, step 7). */
import { graphql } from './gql/gql.js';
import type { StaffDirectoryQuery } from './gql/graphql.js';

export const STAFF_DIRECTORY = graphql(`
  query StaffDirectory {
    professionals { id displayName title department { id name } }
  }
`);
export const CREATE_FAMILY_PLAN = graphql(`mutation CreateFamilyPlan($input: CreatePlanInput!) {
  createPlan(input: $input) { id familyId coordinator { id displayName } }
}`);

/** A choice of coordinator, as the generator types the directory's answer. */
export type StaffMember = StaffDirectoryQuery['professionals'][number];

/** How a staff member is named in a choice: name, title when there is one, and department. */
export function staffLabel(p: StaffMember): string {
  return `${[p.displayName, p.title].filter((s) => s.trim() !== '').join(', ')} – ${p.department.name}`;
}
