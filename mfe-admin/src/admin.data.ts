/** What the admin page reads and writes (the API's ADMIN operations, docs/setup.md). */

export const ORGANISATION = /* GraphQL */ `
  query Organisation {
    departments { id name kind retired }
    professionals { id displayName title department { id } }
    families { id name activePlanId members { citizenId displayName role custody } }
  }
`;
export const CREATE_DEPARTMENT = /* GraphQL */ `mutation CreateDepartment($input: CreateDepartmentInput!) {
  createDepartment(input: $input) { id }
}`;
export const RETIRE_DEPARTMENT = /* GraphQL */ `mutation RetireDepartment($id: ID!) { retireDepartment(id: $id) { id } }`;
export const ADD_PROFESSIONAL = /* GraphQL */ `mutation AddProfessional($input: AddProfessionalInput!) {
  addProfessional(input: $input) { id }
}`;
export const CREATE_FAMILY = /* GraphQL */ `mutation CreateFamily($input: CreateFamilyInput!) {
  createFamily(input: $input) { id }
}`;

export const departmentKinds = [
  'EMPLOYMENT',
  'CHILDREN_FAMILY',
  'ADULT_SOCIAL',
  'HEALTH',
  'EDUCATION',
  'OTHER',
] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

export interface Department {
  id: string;
  name: string;
  kind: DepartmentKind;
  retired: boolean;
}
export interface Professional {
  id: string;
  displayName: string;
  title: string;
  department: { id: string };
}
export interface Family {
  id: string;
  name: string;
  activePlanId: string | null;
  members: { citizenId: string; displayName: string; role: string; custody: string | null }[];
}
export interface Organisation {
  departments: Department[];
  professionals: Professional[];
  families: Family[];
}

/** Reads a form's named text fields, trimmed. */
export function fieldsOf(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries(
    [...new FormData(form).entries()].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']),
  );
}

/** The family as the API takes it: one parent, and a child when one is named. */
export function familyInput(f: Record<string, string>) {
  const person = (name: string | undefined, year: string | undefined, role: string) =>
    name ? [{ displayName: name, birthYear: Number(year), role }] : [];
  return {
    name: f.name ?? '',
    members: [...person(f.parentName, f.parentYear, 'PARENT'), ...person(f.childName, f.childYear, 'CHILD')],
  };
}

/**
 * The family form's input a refusal names. The API names a member by its place in `members`
 * (`members.1.birthYear`, or with the argument's name in front); `familyInput` lists the parent
 * first and the child second, so the place says which of the form's people it is.
 */
export function familyFormField(field: string | undefined): string | undefined {
  const match = field?.match(/(?:^|\.)members\.(\d+)(?:\.(\w+))?$/);
  if (!match) return field;
  const person = match[1] === '0' ? 'parent' : 'child';
  return match[2] === 'birthYear' ? `${person}Year` : `${person}Name`;
}
