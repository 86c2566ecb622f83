/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddProfessionalInput = {
  departmentId: string;
  displayName: string;
  /**
   * Work e-mail as the identity provider sends it. The person's first sign-in with a token carrying
   * this e-mail takes over this record instead of creating a second one (docs/setup.md, step 4).
   */
  email?: string | null | undefined;
  title: string;
};

export type CreateDepartmentInput = {
  kind: DepartmentKind;
  name: string;
};

export type CreateFamilyInput = {
  members: Array<FamilyMemberInput>;
  name: string;
};

export type CreatePlanInput = {
  citizenId?: string | null | undefined;
  /** The family's one contact person across departments; may be named later with setPlanCoordinator. */
  coordinatorId?: string | null | undefined;
  familyId?: string | null | undefined;
};

/** Noted for a parent where the parents live apart. */
export type Custody =
  | 'NONE'
  | 'SHARED'
  | 'SOLE';

export type DepartmentKind =
  | 'ADULT_SOCIAL'
  | 'CHILDREN_FAMILY'
  | 'EDUCATION'
  | 'EMPLOYMENT'
  | 'HEALTH'
  | 'OTHER';

export type FamilyMemberInput = {
  birthYear?: number | null | undefined;
  /** An existing citizen; or give displayName (and birthYear or cpr) to register the person. */
  citizenId?: string | null | undefined;
  cpr?: string | null | undefined;
  custody?: Custody | null | undefined;
  displayName?: string | null | undefined;
  role: FamilyMemberRole;
};

export type FamilyMemberRole =
  | 'CHILD'
  | 'OTHER_ADULT'
  | 'PARENT';

export type OrganisationQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationQuery = { departments: Array<{ id: string, name: string, kind: DepartmentKind, retired: boolean }>, professionals: Array<{ id: string, displayName: string, title: string, department: { id: string } }>, families: Array<{ id: string, name: string, activePlanId: string | null, members: Array<{ citizenId: string, displayName: string, role: FamilyMemberRole, custody: Custody | null }> }> };

export type CreateDepartmentMutationVariables = Exact<{
  input: CreateDepartmentInput;
}>;


export type CreateDepartmentMutation = { createDepartment: { id: string } };

export type RetireDepartmentMutationVariables = Exact<{
  id: string;
}>;


export type RetireDepartmentMutation = { retireDepartment: { id: string } };

export type AddProfessionalMutationVariables = Exact<{
  input: AddProfessionalInput;
}>;


export type AddProfessionalMutation = { addProfessional: { id: string } };

export type CreateFamilyMutationVariables = Exact<{
  input: CreateFamilyInput;
}>;


export type CreateFamilyMutation = { createFamily: { id: string } };

export type StaffDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffDirectoryQuery = { professionals: Array<{ id: string, displayName: string, title: string, department: { id: string, name: string } }> };

export type CreateFamilyPlanMutationVariables = Exact<{
  input: CreatePlanInput;
}>;


export type CreateFamilyPlanMutation = { createPlan: { id: string, familyId: string | null, coordinator: { id: string, displayName: string } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const OrganisationDocument = new TypedDocumentString(`
    query Organisation {
  departments {
    id
    name
    kind
    retired
  }
  professionals {
    id
    displayName
    title
    department {
      id
    }
  }
  families {
    id
    name
    activePlanId
    members {
      citizenId
      displayName
      role
      custody
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationQuery, OrganisationQueryVariables>;
export const CreateDepartmentDocument = new TypedDocumentString(`
    mutation CreateDepartment($input: CreateDepartmentInput!) {
  createDepartment(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateDepartmentMutation, CreateDepartmentMutationVariables>;
export const RetireDepartmentDocument = new TypedDocumentString(`
    mutation RetireDepartment($id: ID!) {
  retireDepartment(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RetireDepartmentMutation, RetireDepartmentMutationVariables>;
export const AddProfessionalDocument = new TypedDocumentString(`
    mutation AddProfessional($input: AddProfessionalInput!) {
  addProfessional(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddProfessionalMutation, AddProfessionalMutationVariables>;
export const CreateFamilyDocument = new TypedDocumentString(`
    mutation CreateFamily($input: CreateFamilyInput!) {
  createFamily(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateFamilyMutation, CreateFamilyMutationVariables>;
export const StaffDirectoryDocument = new TypedDocumentString(`
    query StaffDirectory {
  professionals {
    id
    displayName
    title
    department {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<StaffDirectoryQuery, StaffDirectoryQueryVariables>;
export const CreateFamilyPlanDocument = new TypedDocumentString(`
    mutation CreateFamilyPlan($input: CreatePlanInput!) {
  createPlan(input: $input) {
    id
    familyId
    coordinator {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<CreateFamilyPlanMutation, CreateFamilyPlanMutationVariables>;