/** What the admin page reads and writes (the API's ADMIN operations, docs/setup.md). */
import type { DepartmentKindName } from '@helhed/kit';
import { graphql } from './gql/gql.js';
import type {
  CreateFamilyInput,
  DepartmentKind,
  FamilyMemberRole,
  OrganisationQuery,
} from './gql/graphql.js';

export const ORGANISATION = graphql(`
  query Organisation {
    departments { id name kind retired }
    professionals { id displayName title department { id } }
    families { id name activePlanId members { citizenId displayName role custody } }
  }
`);
export const CREATE_DEPARTMENT = graphql(`mutation CreateDepartment($input: CreateDepartmentInput!) {
  createDepartment(input: $input) { id }
}`);
export const RETIRE_DEPARTMENT = graphql(
  `mutation RetireDepartment($id: ID!) { retireDepartment(id: $id) { id } }`,
);
export const ADD_PROFESSIONAL = graphql(`mutation AddProfessional($input: AddProfessionalInput!) {
  addProfessional(input: $input) { id }
}`);
export const CREATE_FAMILY = graphql(`mutation CreateFamily($input: CreateFamilyInput!) {
  createFamily(input: $input) { id }
}`);

/** Kit's words name exactly the schema's kinds: a new kind fails typecheck here until it has a name. */
export type KitNamesEveryKind = Same<DepartmentKindName, DepartmentKind>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kitNamesEveryKind: KitNamesEveryKind = true;
void kitNamesEveryKind;

/** The kinds the form offers, in its order; the schema's enum types them. */
export const departmentKinds: readonly DepartmentKind[] = [
  'EMPLOYMENT',
  'CHILDREN_FAMILY',
  'ADULT_SOCIAL',
  'HEALTH',
  'EDUCATION',
  'OTHER',
];

/** A kind the form sent: the select offers only `departmentKinds`, so anything else is OTHER. */
export function departmentKindOf(value: string | undefined): DepartmentKind {
  return departmentKinds.find((k) => k === value) ?? 'OTHER';
}

/** The organisation's answer, as the generator types it from the schema. */
export type Organisation = OrganisationQuery;
export type Family = Organisation['families'][number];

/** Reads a form's named text fields, trimmed. */
export function fieldsOf(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries(
    [...new FormData(form).entries()].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']),
  );
}

/** The family as the API takes it: one parent, and a child when one is named. */
export function familyInput(f: Record<string, string>): CreateFamilyInput {
  const person = (name: string | undefined, year: string | undefined, role: FamilyMemberRole) =>
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
