/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type DepartmentKind =
  | 'ADULT_SOCIAL'
  | 'CHILDREN_FAMILY'
  | 'EDUCATION'
  | 'EMPLOYMENT'
  | 'HEALTH'
  | 'OTHER';

export type Language =
  | 'ar'
  | 'da'
  | 'en'
  | 'uk';

export type StatisticsDimension =
  | 'DEPARTMENT_KIND'
  | 'INTERVENTION_TYPE'
  | 'PERIOD'
  | 'TARGET_GROUP';

export type StatisticsFilter = {
  departmentId?: string | null | undefined;
  /** First day (YYYY-MM-DD); moved back to the start of its period. */
  from: string;
  /** What the cells are grouped by; default [DEPARTMENT_KIND], [] gives one cell. */
  groupBy?: Array<StatisticsDimension> | null | undefined;
  instrumentKey: string;
  /** Calendar period for snapping the window and for PERIOD grouping; default MONTH. */
  period?: StatisticsPeriod | null | undefined;
  /** A target group's key, e.g. "vulnerable-young-17-25". */
  targetGroup?: string | null | undefined;
  /** Last day (YYYY-MM-DD, inclusive); moved on to the end of its period. */
  to: string;
};

export type StatisticsPeriod =
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

export type EconomyStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type EconomyStatisticsQuery = { economyStatistics: { asOf: string, minCellSize: number, csv: string, comparison: Array<{ targetGroup: string, departmentKind: DepartmentKind, n: number | null, meanBaselineOre: number | null, meanFirstYearOre: number | null, meanChangeOre: number | null, lowerCost: number | null, withOutcome: number | null, improved: number | null, suppressed: boolean }>, spendShares: Array<{ percent: number, topCitizens: number, perMille: number | null, suppressed: boolean }>, followUp: Array<{ quarter: string, n: number | null, baselineOre: number | null, actualOre: number | null, differenceOre: number | null, suppressed: boolean, department: { id: string, name: string } }> }, targetGroups: Array<{ key: string, name: string }> };

export type ProgressionStatisticsQueryVariables = Exact<{
  filter: StatisticsFilter;
  lang?: Language | null | undefined;
}>;


export type ProgressionStatisticsQuery = { instruments: Array<{ key: string, name: string }>, departments: Array<{ id: string, kind: DepartmentKind, name: string }>, targetGroups: Array<{ key: string, name: string }>, progressionStatistics: { instrumentKey: string, from: string, to: string, period: StatisticsPeriod, groupBy: Array<StatisticsDimension>, minCellSize: number, cells: Array<{ departmentKind: DepartmentKind | null, targetGroup: string | null, interventionType: string | null, period: string | null, n: number | null, improved: number | null, noChange: number | null, deteriorated: number | null, recovered: number | null, meanChange: number | null, sdChange: number | null, suppressed: boolean }> } };

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

export const EconomyStatisticsDocument = new TypedDocumentString(`
    query EconomyStatistics {
  economyStatistics {
    asOf
    minCellSize
    comparison {
      targetGroup
      departmentKind
      n
      meanBaselineOre
      meanFirstYearOre
      meanChangeOre
      lowerCost
      withOutcome
      improved
      suppressed
    }
    spendShares {
      percent
      topCitizens
      perMille
      suppressed
    }
    followUp {
      quarter
      department {
        id
        name
      }
      n
      baselineOre
      actualOre
      differenceOre
      suppressed
    }
    csv
  }
  targetGroups {
    key
    name
  }
}
    `) as unknown as TypedDocumentString<EconomyStatisticsQuery, EconomyStatisticsQueryVariables>;
export const ProgressionStatisticsDocument = new TypedDocumentString(`
    query ProgressionStatistics($filter: StatisticsFilter!, $lang: Language) {
  instruments {
    key
    name(lang: $lang)
  }
  departments {
    id
    kind
    name
  }
  targetGroups {
    key
    name
  }
  progressionStatistics(filter: $filter) {
    instrumentKey
    from
    to
    period
    groupBy
    minCellSize
    cells {
      departmentKind
      targetGroup
      interventionType
      period
      n
      improved
      noChange
      deteriorated
      recovered
      meanChange
      sdChange
      suppressed
    }
  }
}
    `) as unknown as TypedDocumentString<ProgressionStatisticsQuery, ProgressionStatisticsQueryVariables>;