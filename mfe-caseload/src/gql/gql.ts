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
    "\n  query Caseload($filter: CaseloadFilter, $lang: Language) {\n    instruments { key name(lang: $lang) }\n    targetGroups { key name }\n    caseload(filter: $filter) {\n      asOf followUpDays unratedWeeks total counts { kind citizens }\n      rows {\n        citizenId displayName birthYear lastMeasuredOn\n        reasons { kind colour alertReasons instrumentKey department { name } planId since days count }\n        plans {\n          id familyName\n          contactPoints { professionals departments }\n          contactPointsBefore { professionals departments }\n        }\n      }\n    }\n  }\n": typeof types.CaseloadDocument,
    "subscription CaseloadChanged { caseloadChanged { cause at } }": typeof types.CaseloadChangedDocument,
};
const documents: Documents = {
    "\n  query Caseload($filter: CaseloadFilter, $lang: Language) {\n    instruments { key name(lang: $lang) }\n    targetGroups { key name }\n    caseload(filter: $filter) {\n      asOf followUpDays unratedWeeks total counts { kind citizens }\n      rows {\n        citizenId displayName birthYear lastMeasuredOn\n        reasons { kind colour alertReasons instrumentKey department { name } planId since days count }\n        plans {\n          id familyName\n          contactPoints { professionals departments }\n          contactPointsBefore { professionals departments }\n        }\n      }\n    }\n  }\n": types.CaseloadDocument,
    "subscription CaseloadChanged { caseloadChanged { cause at } }": types.CaseloadChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Caseload($filter: CaseloadFilter, $lang: Language) {\n    instruments { key name(lang: $lang) }\n    targetGroups { key name }\n    caseload(filter: $filter) {\n      asOf followUpDays unratedWeeks total counts { kind citizens }\n      rows {\n        citizenId displayName birthYear lastMeasuredOn\n        reasons { kind colour alertReasons instrumentKey department { name } planId since days count }\n        plans {\n          id familyName\n          contactPoints { professionals departments }\n          contactPointsBefore { professionals departments }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').CaseloadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CaseloadChanged { caseloadChanged { cause at } }"): typeof import('./graphql.js').CaseloadChangedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
