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
    "query EconomyStatistics { economyStatistics {\n  asOf minCellSize\n  comparison { targetGroup departmentKind n meanBaselineOre meanFirstYearOre meanChangeOre lowerCost withOutcome improved suppressed }\n  spendShares { percent topCitizens perMille suppressed }\n  followUp { quarter department { id name } n baselineOre actualOre differenceOre suppressed }\n  csv } targetGroups { key name } }": typeof types.EconomyStatisticsDocument,
    "\n  query ProgressionStatistics($filter: StatisticsFilter!, $lang: Language) {\n    instruments { key name(lang: $lang) }\n    departments { id kind name }\n    targetGroups { key name }\n    progressionStatistics(filter: $filter) {\n      instrumentKey from to period groupBy minCellSize\n      cells {\n        departmentKind targetGroup interventionType period\n        n improved noChange deteriorated recovered meanChange sdChange suppressed\n      }\n    }\n  }\n": typeof types.ProgressionStatisticsDocument,
};
const documents: Documents = {
    "query EconomyStatistics { economyStatistics {\n  asOf minCellSize\n  comparison { targetGroup departmentKind n meanBaselineOre meanFirstYearOre meanChangeOre lowerCost withOutcome improved suppressed }\n  spendShares { percent topCitizens perMille suppressed }\n  followUp { quarter department { id name } n baselineOre actualOre differenceOre suppressed }\n  csv } targetGroups { key name } }": types.EconomyStatisticsDocument,
    "\n  query ProgressionStatistics($filter: StatisticsFilter!, $lang: Language) {\n    instruments { key name(lang: $lang) }\n    departments { id kind name }\n    targetGroups { key name }\n    progressionStatistics(filter: $filter) {\n      instrumentKey from to period groupBy minCellSize\n      cells {\n        departmentKind targetGroup interventionType period\n        n improved noChange deteriorated recovered meanChange sdChange suppressed\n      }\n    }\n  }\n": types.ProgressionStatisticsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EconomyStatistics { economyStatistics {\n  asOf minCellSize\n  comparison { targetGroup departmentKind n meanBaselineOre meanFirstYearOre meanChangeOre lowerCost withOutcome improved suppressed }\n  spendShares { percent topCitizens perMille suppressed }\n  followUp { quarter department { id name } n baselineOre actualOre differenceOre suppressed }\n  csv } targetGroups { key name } }"): typeof import('./graphql.js').EconomyStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgressionStatistics($filter: StatisticsFilter!, $lang: Language) {\n    instruments { key name(lang: $lang) }\n    departments { id kind name }\n    targetGroups { key name }\n    progressionStatistics(filter: $filter) {\n      instrumentKey from to period groupBy minCellSize\n      cells {\n        departmentKind targetGroup interventionType period\n        n improved noChange deteriorated recovered meanChange sdChange suppressed\n      }\n    }\n  }\n"): typeof import('./graphql.js').ProgressionStatisticsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
