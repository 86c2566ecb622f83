/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AlertColour =
  | 'GREEN'
  | 'GREY'
  | 'ORANGE'
  | 'RED';

/** Why a citizen needs attention, most severe first (the caseload's sort order). */
export type AttentionKind =
  /** An alliance (session) alert: the working relationship is weak or dropping. */
  | 'ALLIANCE'
  /** One department's measure improves while another's deteriorates. */
  | 'DIVERGENCE'
  /** Active goals nobody has rated for longer than unratedWeeks. */
  | 'GOALS_UNRATED'
  /** An invitation the caller's department sent is unanswered: past half its validity, or expired within the last follow-up interval. */
  | 'INVITATION_UNANSWERED'
  /** The next family meeting agreed at the last one has passed. */
  | 'MEETING_OVERDUE'
  /** Coordinator: no parent has accepted the family's plan. */
  | 'NO_ACCEPTED_PLAN'
  /** No measurement by the caller's department for longer than the follow-up interval. */
  | 'NO_RECENT_MEASUREMENT'
  /** An orange outcome alert: no reliable improvement by the orange session. */
  | 'OUTCOME_ORANGE'
  /** A red outcome (or goal, function-level) alert by the shared scoring rules. */
  | 'OUTCOME_RED'
  /** Coordinator: interventions from different departments serve the same goal at the same time. */
  | 'PARALLEL_INTERVENTIONS'
  /** Coordinator: active goals no active intervention serves. */
  | 'UNSERVED_GOALS';

export type CaseloadFilter = {
  /** 1–365 days; absent = the department's setting (28 days unless it set its own). */
  followUpDays?: number | null | undefined;
  /** Rows to return, 1–500; absent = 100. Counts and total cover every row. */
  limit?: number | null | undefined;
  /** Only citizens with at least one of these reasons; empty or absent = everyone. */
  reasons?: Array<AttentionKind> | null | undefined;
  scope?: CaseloadScope | null | undefined;
  /** A target group key (see targetGroups). */
  targetGroup?: string | null | undefined;
  /** 1–52 weeks; absent = 4. */
  unratedWeeks?: number | null | undefined;
};

export type CaseloadScope =
  /** Every citizen the caller's department (or, for a coordinator, the municipality) works with. */
  | 'DEPARTMENT'
  /** Only citizens the signed-in person has recorded a measurement for. */
  | 'MINE';

export type Language =
  | 'ar'
  | 'da'
  | 'en'
  | 'uk';

export type CaseloadQueryVariables = Exact<{
  filter?: CaseloadFilter | null | undefined;
  lang?: Language | null | undefined;
}>;


export type CaseloadQuery = { instruments: Array<{ key: string, name: string }>, targetGroups: Array<{ key: string, name: string }>, caseload: { asOf: string, followUpDays: number, unratedWeeks: number, total: number, counts: Array<{ kind: AttentionKind, citizens: number }>, rows: Array<{ citizenId: string, displayName: string, birthYear: number, lastMeasuredOn: string | null, reasons: Array<{ kind: AttentionKind, colour: AlertColour | null, alertReasons: Array<string>, instrumentKey: string | null, planId: string | null, since: string | null, days: number | null, count: number | null, department: { name: string } | null }>, plans: Array<{ id: string, familyName: string | null, contactPoints: { professionals: number, departments: number } | null, contactPointsBefore: { professionals: number, departments: number } | null }> }> } };

export type CaseloadChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CaseloadChangedSubscription = { caseloadChanged: { cause: string, at: string } };

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

export const CaseloadDocument = new TypedDocumentString(`
    query Caseload($filter: CaseloadFilter, $lang: Language) {
  instruments {
    key
    name(lang: $lang)
  }
  targetGroups {
    key
    name
  }
  caseload(filter: $filter) {
    asOf
    followUpDays
    unratedWeeks
    total
    counts {
      kind
      citizens
    }
    rows {
      citizenId
      displayName
      birthYear
      lastMeasuredOn
      reasons {
        kind
        colour
        alertReasons
        instrumentKey
        department {
          name
        }
        planId
        since
        days
        count
      }
      plans {
        id
        familyName
        contactPoints {
          professionals
          departments
        }
        contactPointsBefore {
          professionals
          departments
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseloadQuery, CaseloadQueryVariables>;
export const CaseloadChangedDocument = new TypedDocumentString(`
    subscription CaseloadChanged {
  caseloadChanged {
    cause
    at
  }
}
    `) as unknown as TypedDocumentString<CaseloadChangedSubscription, CaseloadChangedSubscriptionVariables>;