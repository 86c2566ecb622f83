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

export type Classification =
  | 'DETERIORATED'
  | 'IMPROVED'
  | 'INSUFFICIENT_DATA'
  | 'NO_RELIABLE_CHANGE';

export type Direction =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

export type InstrumentKind =
  | 'FUNCTION_LEVEL'
  | 'GAS'
  | 'GOAL'
  | 'OUTCOME'
  | 'SESSION';

export type Language =
  | 'ar'
  | 'da'
  | 'en'
  | 'uk';

export type RecordMeasurementInput = {
  citizenId: string;
  departmentId: string;
  idempotencyKey: string;
  instrumentKey: string;
  occurredAt: string;
  respondentRole: RespondentRole;
  session?: number | null | undefined;
  /** Set to correct an earlier measurement of the same series; the earlier one leaves the series but stays stored. */
  supersedesId?: string | null | undefined;
  /** Item values in the instrument's order and units. */
  values: Array<number>;
};

export type RespondentRole =
  | 'CHILD'
  | 'CITIZEN'
  | 'OTHER'
  | 'PARENT'
  | 'PROFESSIONAL';

export type InstrumentsQueryVariables = Exact<{
  lang?: Language | null | undefined;
}>;


export type InstrumentsQuery = { instruments: Array<{ key: string, version: number, kind: InstrumentKind, direction: Direction, min: number, max: number, name: string, items: Array<{ key: string, label: string }> }> };

export type ProgressChartQueryVariables = Exact<{
  id: string;
  lang?: Language | null | undefined;
}>;


export type ProgressChartQuery = { instruments: Array<{ key: string, kind: InstrumentKind, direction: Direction, totalMin: number, totalMax: number, name: string }>, citizen: { progression: { divergent: boolean, series: Array<{ instrumentKey: string, respondentRole: RespondentRole, first: number | null, latest: number | null, change: number | null, classification: Classification, recovered: boolean, alert: AlertColour, alertReasons: Array<string>, cutoff: number | null, reliableChange: number | null, department: { id: string, name: string }, points: Array<{ occurredAt: string, total: number, normalized: number, session: number | null }> }> } } };

export type SessionFeedbackQueryVariables = Exact<{
  id: string;
  lang?: Language | null | undefined;
}>;


export type SessionFeedbackQuery = { instruments: Array<{ key: string, min: number, max: number, step: number, totalMax: number, faces: boolean, name: string, items: Array<{ key: string, label: string }> }>, citizen: { birthYear: number, progression: { series: Array<{ instrumentKey: string, respondentRole: RespondentRole, department: { id: string }, points: Array<{ session: number | null }> }> } } };

export type RecordMeasurementMutationVariables = Exact<{
  input: RecordMeasurementInput;
}>;


export type RecordMeasurementMutation = { recordMeasurement: { id: string, citizenId: string, instrumentKey: string, total: number } };

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

export const InstrumentsDocument = new TypedDocumentString(`
    query Instruments($lang: Language) {
  instruments {
    key
    version
    kind
    direction
    min
    max
    name(lang: $lang)
    items {
      key
      label(lang: $lang)
    }
  }
}
    `) as unknown as TypedDocumentString<InstrumentsQuery, InstrumentsQueryVariables>;
export const ProgressChartDocument = new TypedDocumentString(`
    query ProgressChart($id: ID!, $lang: Language) {
  instruments {
    key
    kind
    direction
    totalMin
    totalMax
    name(lang: $lang)
  }
  citizen(id: $id) {
    progression {
      divergent
      series {
        instrumentKey
        respondentRole
        department {
          id
          name
        }
        points {
          occurredAt
          total
          normalized
          session
        }
        first
        latest
        change
        classification
        recovered
        alert
        alertReasons
        cutoff
        reliableChange
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProgressChartQuery, ProgressChartQueryVariables>;
export const SessionFeedbackDocument = new TypedDocumentString(`
    query SessionFeedback($id: ID!, $lang: Language) {
  instruments {
    key
    min
    max
    step
    totalMax
    faces
    name(lang: $lang)
    items {
      key
      label(lang: $lang)
    }
  }
  citizen(id: $id) {
    birthYear
    progression {
      series {
        instrumentKey
        respondentRole
        department {
          id
        }
        points {
          session
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SessionFeedbackQuery, SessionFeedbackQueryVariables>;
export const RecordMeasurementDocument = new TypedDocumentString(`
    mutation RecordMeasurement($input: RecordMeasurementInput!) {
  recordMeasurement(input: $input) {
    id
    citizenId
    instrumentKey
    total
  }
}
    `) as unknown as TypedDocumentString<RecordMeasurementMutation, RecordMeasurementMutationVariables>;