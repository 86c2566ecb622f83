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
    "query PlanEconomy($id: ID!) { plan(id: $id) { id economy {\n  startedOn baselineEstimated restricted\n  baseline { from to totalOre byDepartment { department { id name } amountOre } }\n  running { from to totalOre byMonth { month department { id name } amountOre } }\n  expected { from to totalOre byDepartment { department { id name } amountOre } }\n} } }": typeof types.PlanEconomyDocument,
    "\n  query HelhedPlan($id: ID!, $lang: Language) {\n    departments { id kind name }\n    instruments { key kind name(lang: $lang) min max step }\n    plan(id: $id) {\n      id goalAttainmentT\n      goals {\n        id text instrumentKey status dominant baseline target latest progress spread disagreement\n        departments { id kind name }\n      }\n      interventions {\n        id type legalBasis startsOn endsOn active\n        department { id kind name }\n        responsibleProfessional { id displayName title department { id } }\n        goals { id text }\n      }\n      contactPoints { professionals departments }\n      parallelInterventions {\n        first { id type department { name } }\n        second { id type department { name } }\n        sharedGoals { id text }\n        overlapFrom overlapTo\n      }\n      unservedGoals { id }\n      interventionsWithoutGoal { id }\n      timeline(limit: 200) {\n        kind\n        goalRating { goalId raterRole value occurredAt }\n        measurement { citizenId }\n      }\n    }\n  }\n": typeof types.HelhedPlanDocument,
    "\n  mutation HelhedAddGoal($input: AddGoalInput!) { addGoal(input: $input) { id } }\n": typeof types.HelhedAddGoalDocument,
    "\n  mutation HelhedUpdateGoal($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }\n": typeof types.HelhedUpdateGoalDocument,
    "\n  mutation HelhedAddIntervention($input: AddInterventionInput!) { addIntervention(input: $input) { id } }\n": typeof types.HelhedAddInterventionDocument,
    "\n  query HelhedPlanCitizenProgression($id: ID!) {\n    citizen(id: $id) {\n      id displayName\n      progression {\n        divergent\n        series { instrumentKey respondentRole department { id kind name } classification alert latest }\n      }\n    }\n  }\n": typeof types.HelhedPlanCitizenProgressionDocument,
};
const documents: Documents = {
    "query PlanEconomy($id: ID!) { plan(id: $id) { id economy {\n  startedOn baselineEstimated restricted\n  baseline { from to totalOre byDepartment { department { id name } amountOre } }\n  running { from to totalOre byMonth { month department { id name } amountOre } }\n  expected { from to totalOre byDepartment { department { id name } amountOre } }\n} } }": types.PlanEconomyDocument,
    "\n  query HelhedPlan($id: ID!, $lang: Language) {\n    departments { id kind name }\n    instruments { key kind name(lang: $lang) min max step }\n    plan(id: $id) {\n      id goalAttainmentT\n      goals {\n        id text instrumentKey status dominant baseline target latest progress spread disagreement\n        departments { id kind name }\n      }\n      interventions {\n        id type legalBasis startsOn endsOn active\n        department { id kind name }\n        responsibleProfessional { id displayName title department { id } }\n        goals { id text }\n      }\n      contactPoints { professionals departments }\n      parallelInterventions {\n        first { id type department { name } }\n        second { id type department { name } }\n        sharedGoals { id text }\n        overlapFrom overlapTo\n      }\n      unservedGoals { id }\n      interventionsWithoutGoal { id }\n      timeline(limit: 200) {\n        kind\n        goalRating { goalId raterRole value occurredAt }\n        measurement { citizenId }\n      }\n    }\n  }\n": types.HelhedPlanDocument,
    "\n  mutation HelhedAddGoal($input: AddGoalInput!) { addGoal(input: $input) { id } }\n": types.HelhedAddGoalDocument,
    "\n  mutation HelhedUpdateGoal($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }\n": types.HelhedUpdateGoalDocument,
    "\n  mutation HelhedAddIntervention($input: AddInterventionInput!) { addIntervention(input: $input) { id } }\n": types.HelhedAddInterventionDocument,
    "\n  query HelhedPlanCitizenProgression($id: ID!) {\n    citizen(id: $id) {\n      id displayName\n      progression {\n        divergent\n        series { instrumentKey respondentRole department { id kind name } classification alert latest }\n      }\n    }\n  }\n": types.HelhedPlanCitizenProgressionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlanEconomy($id: ID!) { plan(id: $id) { id economy {\n  startedOn baselineEstimated restricted\n  baseline { from to totalOre byDepartment { department { id name } amountOre } }\n  running { from to totalOre byMonth { month department { id name } amountOre } }\n  expected { from to totalOre byDepartment { department { id name } amountOre } }\n} } }"): typeof import('./graphql.js').PlanEconomyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelhedPlan($id: ID!, $lang: Language) {\n    departments { id kind name }\n    instruments { key kind name(lang: $lang) min max step }\n    plan(id: $id) {\n      id goalAttainmentT\n      goals {\n        id text instrumentKey status dominant baseline target latest progress spread disagreement\n        departments { id kind name }\n      }\n      interventions {\n        id type legalBasis startsOn endsOn active\n        department { id kind name }\n        responsibleProfessional { id displayName title department { id } }\n        goals { id text }\n      }\n      contactPoints { professionals departments }\n      parallelInterventions {\n        first { id type department { name } }\n        second { id type department { name } }\n        sharedGoals { id text }\n        overlapFrom overlapTo\n      }\n      unservedGoals { id }\n      interventionsWithoutGoal { id }\n      timeline(limit: 200) {\n        kind\n        goalRating { goalId raterRole value occurredAt }\n        measurement { citizenId }\n      }\n    }\n  }\n"): typeof import('./graphql.js').HelhedPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HelhedAddGoal($input: AddGoalInput!) { addGoal(input: $input) { id } }\n"): typeof import('./graphql.js').HelhedAddGoalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HelhedUpdateGoal($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }\n"): typeof import('./graphql.js').HelhedUpdateGoalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HelhedAddIntervention($input: AddInterventionInput!) { addIntervention(input: $input) { id } }\n"): typeof import('./graphql.js').HelhedAddInterventionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelhedPlanCitizenProgression($id: ID!) {\n    citizen(id: $id) {\n      id displayName\n      progression {\n        divergent\n        series { instrumentKey respondentRole department { id kind name } classification alert latest }\n      }\n    }\n  }\n"): typeof import('./graphql.js').HelhedPlanCitizenProgressionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
