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
    "\n  query FamilyInvitation($token: String!) { invitation(token: $token) {\n    scope expiresAt language departmentName\n    instrument { key da: name(lang: da) en: name(lang: en) min max step items { key da: label(lang: da) en: label(lang: en) } }\n    goals { id text instrumentKey subjectName min max step } } }\n": typeof types.FamilyInvitationDocument,
    "\n  mutation FamilyAnswer($input: AnswerInvitationInput!) { answerInvitation(input: $input) {\n    measurement { id } ratings { id } } }\n": typeof types.FamilyAnswerDocument,
    "\n  query FamilyPeople { citizens { id displayName birthYear } }\n": typeof types.FamilyPeopleDocument,
    "\n  query FamilyPerson($id: ID!, $lang: Language) {\n    departments { id name }\n    instruments { key name(lang: $lang) min max step }\n    citizen(id: $id) { id displayName plans { id }\n      consents { id fromDepartment { id name } toDepartment { id name } purpose status grantedAt revokedAt }\n      timeline(limit: 100) { kind at\n        measurement { id instrumentKey total outsideMeeting respondentRole }\n        goalRating { id goalId raterRole value outsideMeeting } } } }\n": typeof types.FamilyPersonDocument,
    "\n  query FamilyPlan($id: ID!) { plan(id: $id) { id\n    goals { id text instrumentKey status spread disagreement subject { id displayName } }\n    timeline(limit: 200) { kind goalRating { goalId raterRole value occurredAt outsideMeeting } } } }\n": typeof types.FamilyPlanDocument,
    "\n  query FamilyAccessLog($id: ID!) { citizen(id: $id) { id\n    accessLog(limit: 100) { at actorRole department purpose outcome } } }\n": typeof types.FamilyAccessLogDocument,
    "mutation FamilyRate($input: RateGoalInput!) { rateGoal(input: $input) { id outsideMeeting } }": typeof types.FamilyRateDocument,
    "mutation FamilyGrant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }": typeof types.FamilyGrantDocument,
    "\n  mutation FamilyRevoke($id: ID!) { revokeConsent(id: $id) { id status } }\n": typeof types.FamilyRevokeDocument,
};
const documents: Documents = {
    "\n  query FamilyInvitation($token: String!) { invitation(token: $token) {\n    scope expiresAt language departmentName\n    instrument { key da: name(lang: da) en: name(lang: en) min max step items { key da: label(lang: da) en: label(lang: en) } }\n    goals { id text instrumentKey subjectName min max step } } }\n": types.FamilyInvitationDocument,
    "\n  mutation FamilyAnswer($input: AnswerInvitationInput!) { answerInvitation(input: $input) {\n    measurement { id } ratings { id } } }\n": types.FamilyAnswerDocument,
    "\n  query FamilyPeople { citizens { id displayName birthYear } }\n": types.FamilyPeopleDocument,
    "\n  query FamilyPerson($id: ID!, $lang: Language) {\n    departments { id name }\n    instruments { key name(lang: $lang) min max step }\n    citizen(id: $id) { id displayName plans { id }\n      consents { id fromDepartment { id name } toDepartment { id name } purpose status grantedAt revokedAt }\n      timeline(limit: 100) { kind at\n        measurement { id instrumentKey total outsideMeeting respondentRole }\n        goalRating { id goalId raterRole value outsideMeeting } } } }\n": types.FamilyPersonDocument,
    "\n  query FamilyPlan($id: ID!) { plan(id: $id) { id\n    goals { id text instrumentKey status spread disagreement subject { id displayName } }\n    timeline(limit: 200) { kind goalRating { goalId raterRole value occurredAt outsideMeeting } } } }\n": types.FamilyPlanDocument,
    "\n  query FamilyAccessLog($id: ID!) { citizen(id: $id) { id\n    accessLog(limit: 100) { at actorRole department purpose outcome } } }\n": types.FamilyAccessLogDocument,
    "mutation FamilyRate($input: RateGoalInput!) { rateGoal(input: $input) { id outsideMeeting } }": types.FamilyRateDocument,
    "mutation FamilyGrant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }": types.FamilyGrantDocument,
    "\n  mutation FamilyRevoke($id: ID!) { revokeConsent(id: $id) { id status } }\n": types.FamilyRevokeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyInvitation($token: String!) { invitation(token: $token) {\n    scope expiresAt language departmentName\n    instrument { key da: name(lang: da) en: name(lang: en) min max step items { key da: label(lang: da) en: label(lang: en) } }\n    goals { id text instrumentKey subjectName min max step } } }\n"): typeof import('./graphql.js').FamilyInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FamilyAnswer($input: AnswerInvitationInput!) { answerInvitation(input: $input) {\n    measurement { id } ratings { id } } }\n"): typeof import('./graphql.js').FamilyAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyPeople { citizens { id displayName birthYear } }\n"): typeof import('./graphql.js').FamilyPeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyPerson($id: ID!, $lang: Language) {\n    departments { id name }\n    instruments { key name(lang: $lang) min max step }\n    citizen(id: $id) { id displayName plans { id }\n      consents { id fromDepartment { id name } toDepartment { id name } purpose status grantedAt revokedAt }\n      timeline(limit: 100) { kind at\n        measurement { id instrumentKey total outsideMeeting respondentRole }\n        goalRating { id goalId raterRole value outsideMeeting } } } }\n"): typeof import('./graphql.js').FamilyPersonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyPlan($id: ID!) { plan(id: $id) { id\n    goals { id text instrumentKey status spread disagreement subject { id displayName } }\n    timeline(limit: 200) { kind goalRating { goalId raterRole value occurredAt outsideMeeting } } } }\n"): typeof import('./graphql.js').FamilyPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyAccessLog($id: ID!) { citizen(id: $id) { id\n    accessLog(limit: 100) { at actorRole department purpose outcome } } }\n"): typeof import('./graphql.js').FamilyAccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FamilyRate($input: RateGoalInput!) { rateGoal(input: $input) { id outsideMeeting } }"): typeof import('./graphql.js').FamilyRateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FamilyGrant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }"): typeof import('./graphql.js').FamilyGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FamilyRevoke($id: ID!) { revokeConsent(id: $id) { id status } }\n"): typeof import('./graphql.js').FamilyRevokeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
