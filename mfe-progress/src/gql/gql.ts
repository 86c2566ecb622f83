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
    "\n  query Instruments($lang: Language) {\n    instruments { key version kind direction min max name(lang: $lang) items { key label(lang: $lang) } }\n  }\n": typeof types.InstrumentsDocument,
    "\n  query ProgressChart($id: ID!, $lang: Language) {\n    instruments { key kind direction totalMin totalMax name(lang: $lang) }\n    citizen(id: $id) {\n      progression {\n        divergent\n        series {\n          instrumentKey respondentRole department { id name }\n          points { occurredAt total normalized session }\n          first latest change classification recovered alert alertReasons cutoff reliableChange\n        }\n      }\n    }\n  }\n": typeof types.ProgressChartDocument,
    "\n  query SessionFeedback($id: ID!, $lang: Language) {\n    instruments { key min max step totalMax faces name(lang: $lang) items { key label(lang: $lang) } }\n    citizen(id: $id) {\n      birthYear\n      progression { series { instrumentKey respondentRole department { id } points { session } } }\n    }\n  }\n": typeof types.SessionFeedbackDocument,
    "\n  mutation RecordMeasurement($input: RecordMeasurementInput!) {\n    recordMeasurement(input: $input) { id citizenId instrumentKey total }\n  }\n": typeof types.RecordMeasurementDocument,
};
const documents: Documents = {
    "\n  query Instruments($lang: Language) {\n    instruments { key version kind direction min max name(lang: $lang) items { key label(lang: $lang) } }\n  }\n": types.InstrumentsDocument,
    "\n  query ProgressChart($id: ID!, $lang: Language) {\n    instruments { key kind direction totalMin totalMax name(lang: $lang) }\n    citizen(id: $id) {\n      progression {\n        divergent\n        series {\n          instrumentKey respondentRole department { id name }\n          points { occurredAt total normalized session }\n          first latest change classification recovered alert alertReasons cutoff reliableChange\n        }\n      }\n    }\n  }\n": types.ProgressChartDocument,
    "\n  query SessionFeedback($id: ID!, $lang: Language) {\n    instruments { key min max step totalMax faces name(lang: $lang) items { key label(lang: $lang) } }\n    citizen(id: $id) {\n      birthYear\n      progression { series { instrumentKey respondentRole department { id } points { session } } }\n    }\n  }\n": types.SessionFeedbackDocument,
    "\n  mutation RecordMeasurement($input: RecordMeasurementInput!) {\n    recordMeasurement(input: $input) { id citizenId instrumentKey total }\n  }\n": types.RecordMeasurementDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instruments($lang: Language) {\n    instruments { key version kind direction min max name(lang: $lang) items { key label(lang: $lang) } }\n  }\n"): typeof import('./graphql.js').InstrumentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgressChart($id: ID!, $lang: Language) {\n    instruments { key kind direction totalMin totalMax name(lang: $lang) }\n    citizen(id: $id) {\n      progression {\n        divergent\n        series {\n          instrumentKey respondentRole department { id name }\n          points { occurredAt total normalized session }\n          first latest change classification recovered alert alertReasons cutoff reliableChange\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ProgressChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionFeedback($id: ID!, $lang: Language) {\n    instruments { key min max step totalMax faces name(lang: $lang) items { key label(lang: $lang) } }\n    citizen(id: $id) {\n      birthYear\n      progression { series { instrumentKey respondentRole department { id } points { session } } }\n    }\n  }\n"): typeof import('./graphql.js').SessionFeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMeasurement($input: RecordMeasurementInput!) {\n    recordMeasurement(input: $input) { id citizenId instrumentKey total }\n  }\n"): typeof import('./graphql.js').RecordMeasurementDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
