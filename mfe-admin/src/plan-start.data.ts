/** What the plan's start reads and writes: the staff directory and createPlan (docs/setup.md, step 7). */

export const STAFF_DIRECTORY = /* GraphQL */ `
  query StaffDirectory {
    professionals { id displayName title department { id name } }
  }
`;
export const CREATE_FAMILY_PLAN = /* GraphQL */ `mutation CreateFamilyPlan($input: CreatePlanInput!) {
  createPlan(input: $input) { id familyId coordinator { id displayName } }
}`;

export interface StaffMember {
  id: string;
  displayName: string;
  title: string;
  department: { id: string; name: string };
}
export interface StartedPlan {
  id: string;
  familyId: string | null;
  coordinator: { id: string; displayName: string } | null;
}

/** How a staff member is named in a choice: name, title when there is one, and department. */
export function staffLabel(p: StaffMember): string {
  return `${[p.displayName, p.title].filter((s) => s.trim() !== '').join(', ')} – ${p.department.name}`;
}
