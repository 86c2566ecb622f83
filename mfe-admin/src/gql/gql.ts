/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Organisation {\n    departments { id name kind retired }\n    professionals { id displayName title department { id } }\n    families { id name activePlanId members { citizenId displayName role custody } }\n  }\n": typeof types.OrganisationDocument,
    "mutation CreateDepartment($input: CreateDepartmentInput!) {\n  createDepartment(input: $input) { id }\n}": typeof types.CreateDepartmentDocument,
    "mutation RetireDepartment($id: ID!) { retireDepartment(id: $id) { id } }": typeof types.RetireDepartmentDocument,
    "mutation AddProfessional($input: AddProfessionalInput!) {\n  addProfessional(input: $input) { id }\n}": typeof types.AddProfessionalDocument,
    "mutation CreateFamily($input: CreateFamilyInput!) {\n  createFamily(input: $input) { id }\n}": typeof types.CreateFamilyDocument,
    "\n  query StaffDirectory {\n    professionals { id displayName title department { id name } }\n  }\n": typeof types.StaffDirectoryDocument,
    "mutation CreateFamilyPlan($input: CreatePlanInput!) {\n  createPlan(input: $input) { id familyId coordinator { id displayName } }\n}": typeof types.CreateFamilyPlanDocument,
};
const documents: Documents = {
    "\n  query Organisation {\n    departments { id name kind retired }\n    professionals { id displayName title department { id } }\n    families { id name activePlanId members { citizenId displayName role custody } }\n  }\n": types.OrganisationDocument,
    "mutation CreateDepartment($input: CreateDepartmentInput!) {\n  createDepartment(input: $input) { id }\n}": types.CreateDepartmentDocument,
    "mutation RetireDepartment($id: ID!) { retireDepartment(id: $id) { id } }": types.RetireDepartmentDocument,
    "mutation AddProfessional($input: AddProfessionalInput!) {\n  addProfessional(input: $input) { id }\n}": types.AddProfessionalDocument,
    "mutation CreateFamily($input: CreateFamilyInput!) {\n  createFamily(input: $input) { id }\n}": types.CreateFamilyDocument,
    "\n  query StaffDirectory {\n    professionals { id displayName title department { id name } }\n  }\n": types.StaffDirectoryDocument,
    "mutation CreateFamilyPlan($input: CreatePlanInput!) {\n  createPlan(input: $input) { id familyId coordinator { id displayName } }\n}": types.CreateFamilyPlanDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisation {\n    departments { id name kind retired }\n    professionals { id displayName title department { id } }\n    families { id name activePlanId members { citizenId displayName role custody } }\n  }\n"): typeof import('./graphql.js').OrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateDepartment($input: CreateDepartmentInput!) {\n  createDepartment(input: $input) { id }\n}"): typeof import('./graphql.js').CreateDepartmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RetireDepartment($id: ID!) { retireDepartment(id: $id) { id } }"): typeof import('./graphql.js').RetireDepartmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddProfessional($input: AddProfessionalInput!) {\n  addProfessional(input: $input) { id }\n}"): typeof import('./graphql.js').AddProfessionalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateFamily($input: CreateFamilyInput!) {\n  createFamily(input: $input) { id }\n}"): typeof import('./graphql.js').CreateFamilyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffDirectory {\n    professionals { id displayName title department { id name } }\n  }\n"): typeof import('./graphql.js').StaffDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateFamilyPlan($input: CreatePlanInput!) {\n  createPlan(input: $input) { id familyId coordinator { id displayName } }\n}"): typeof import('./graphql.js').CreateFamilyPlanDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
