/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AnswerInvitationInput = {
  /** The same on a retry: a replayed answer returns what was stored, once. */
  idempotencyKey: string;
  /** PLAN_GOALS: one rating per goal rated (at least one; goals left out stay unrated). */
  ratings?: Array<InvitationGoalRatingInput> | null | undefined;
  /** The secret from the link. */
  token: string;
  /** QUESTIONNAIRE: one value per item. */
  values?: Array<number> | null | undefined;
};

export type AuditOutcome =
  | 'ALLOWED'
  | 'DENIED';

export type ConsentStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

export type GoalStatus =
  | 'ACHIEVED'
  | 'ACTIVE'
  | 'CLOSED';

export type GrantConsentInput = {
  citizenId: string;
  fromDepartmentId: string;
  purpose: string;
  toDepartmentId: string;
  validUntil?: string | null | undefined;
};

export type InvitationGoalRatingInput = {
  goalId: string;
  value: number;
};

export type InvitationScope =
  /** The goals of one plan. */
  | 'PLAN_GOALS'
  /** One questionnaire (an outcome or goal-scale instrument) about one citizen. */
  | 'QUESTIONNAIRE';

export type Language =
  | 'ar'
  | 'da'
  | 'en'
  | 'uk';

export type RateGoalInput = {
  goalId: string;
  idempotencyKey: string;
  meetingId?: string | null | undefined;
  occurredAt: string;
  /** The meeting participant who gives the rating (needs meetingId). */
  participantId?: string | null | undefined;
  raterRole: string;
  value: number;
};

export type RespondentRole =
  | 'CHILD'
  | 'CITIZEN'
  | 'OTHER'
  | 'PARENT'
  | 'PROFESSIONAL';

export type TimelineKind =
  | 'CONSENT_GRANTED'
  | 'CONSENT_REVOKED'
  | 'GOAL_RATING'
  | 'MEASUREMENT'
  | 'MEETING';

export type FamilyInvitationQueryVariables = Exact<{
  token: string;
}>;


export type FamilyInvitationQuery = { invitation: { scope: InvitationScope, expiresAt: string, language: Language, departmentName: string, instrument: { key: string, min: number, max: number, step: number, da: string, en: string, items: Array<{ key: string, da: string, en: string }> } | null, goals: Array<{ id: string, text: string, instrumentKey: string, subjectName: string | null, min: number, max: number, step: number }> } };

export type FamilyAnswerMutationVariables = Exact<{
  input: AnswerInvitationInput;
}>;


export type FamilyAnswerMutation = { answerInvitation: { measurement: { id: string } | null, ratings: Array<{ id: string }> } };

export type FamilyPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type FamilyPeopleQuery = { citizens: Array<{ id: string, displayName: string, birthYear: number }> };

export type FamilyPersonQueryVariables = Exact<{
  id: string;
  lang?: Language | null | undefined;
}>;


export type FamilyPersonQuery = { departments: Array<{ id: string, name: string }>, instruments: Array<{ key: string, name: string, min: number, max: number, step: number }>, citizen: { id: string, displayName: string, plans: Array<{ id: string }>, consents: Array<{ id: string, purpose: string, status: ConsentStatus, grantedAt: string, revokedAt: string | null, fromDepartment: { id: string, name: string }, toDepartment: { id: string, name: string } }>, timeline: Array<{ kind: TimelineKind, at: string, measurement: { id: string, instrumentKey: string, total: number, outsideMeeting: boolean, respondentRole: RespondentRole } | null, goalRating: { id: string, goalId: string, raterRole: string, value: number, outsideMeeting: boolean } | null }> } };

export type FamilyPlanQueryVariables = Exact<{
  id: string;
}>;


export type FamilyPlanQuery = { plan: { id: string, goals: Array<{ id: string, text: string, instrumentKey: string, status: GoalStatus, spread: number | null, disagreement: boolean, subject: { id: string, displayName: string } | null }>, timeline: Array<{ kind: TimelineKind, goalRating: { goalId: string, raterRole: string, value: number, occurredAt: string, outsideMeeting: boolean } | null }> } };

export type FamilyAccessLogQueryVariables = Exact<{
  id: string;
}>;


export type FamilyAccessLogQuery = { citizen: { id: string, accessLog: Array<{ at: string, actorRole: string, department: string | null, purpose: string, outcome: AuditOutcome }> } };

export type FamilyRateMutationVariables = Exact<{
  input: RateGoalInput;
}>;


export type FamilyRateMutation = { rateGoal: { id: string, outsideMeeting: boolean } };

export type FamilyGrantMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type FamilyGrantMutation = { grantConsent: { id: string } };

export type FamilyRevokeMutationVariables = Exact<{
  id: string;
}>;


export type FamilyRevokeMutation = { revokeConsent: { id: string, status: ConsentStatus } };

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

export const FamilyInvitationDocument = new TypedDocumentString(`
    query FamilyInvitation($token: String!) {
  invitation(token: $token) {
    scope
    expiresAt
    language
    departmentName
    instrument {
      key
      da: name(lang: da)
      en: name(lang: en)
      min
      max
      step
      items {
        key
        da: label(lang: da)
        en: label(lang: en)
      }
    }
    goals {
      id
      text
      instrumentKey
      subjectName
      min
      max
      step
    }
  }
}
    `) as unknown as TypedDocumentString<FamilyInvitationQuery, FamilyInvitationQueryVariables>;
export const FamilyAnswerDocument = new TypedDocumentString(`
    mutation FamilyAnswer($input: AnswerInvitationInput!) {
  answerInvitation(input: $input) {
    measurement {
      id
    }
    ratings {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FamilyAnswerMutation, FamilyAnswerMutationVariables>;
export const FamilyPeopleDocument = new TypedDocumentString(`
    query FamilyPeople {
  citizens {
    id
    displayName
    birthYear
  }
}
    `) as unknown as TypedDocumentString<FamilyPeopleQuery, FamilyPeopleQueryVariables>;
export const FamilyPersonDocument = new TypedDocumentString(`
    query FamilyPerson($id: ID!, $lang: Language) {
  departments {
    id
    name
  }
  instruments {
    key
    name(lang: $lang)
    min
    max
    step
  }
  citizen(id: $id) {
    id
    displayName
    plans {
      id
    }
    consents {
      id
      fromDepartment {
        id
        name
      }
      toDepartment {
        id
        name
      }
      purpose
      status
      grantedAt
      revokedAt
    }
    timeline(limit: 100) {
      kind
      at
      measurement {
        id
        instrumentKey
        total
        outsideMeeting
        respondentRole
      }
      goalRating {
        id
        goalId
        raterRole
        value
        outsideMeeting
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FamilyPersonQuery, FamilyPersonQueryVariables>;
export const FamilyPlanDocument = new TypedDocumentString(`
    query FamilyPlan($id: ID!) {
  plan(id: $id) {
    id
    goals {
      id
      text
      instrumentKey
      status
      spread
      disagreement
      subject {
        id
        displayName
      }
    }
    timeline(limit: 200) {
      kind
      goalRating {
        goalId
        raterRole
        value
        occurredAt
        outsideMeeting
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FamilyPlanQuery, FamilyPlanQueryVariables>;
export const FamilyAccessLogDocument = new TypedDocumentString(`
    query FamilyAccessLog($id: ID!) {
  citizen(id: $id) {
    id
    accessLog(limit: 100) {
      at
      actorRole
      department
      purpose
      outcome
    }
  }
}
    `) as unknown as TypedDocumentString<FamilyAccessLogQuery, FamilyAccessLogQueryVariables>;
export const FamilyRateDocument = new TypedDocumentString(`
    mutation FamilyRate($input: RateGoalInput!) {
  rateGoal(input: $input) {
    id
    outsideMeeting
  }
}
    `) as unknown as TypedDocumentString<FamilyRateMutation, FamilyRateMutationVariables>;
export const FamilyGrantDocument = new TypedDocumentString(`
    mutation FamilyGrant($input: GrantConsentInput!) {
  grantConsent(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<FamilyGrantMutation, FamilyGrantMutationVariables>;
export const FamilyRevokeDocument = new TypedDocumentString(`
    mutation FamilyRevoke($id: ID!) {
  revokeConsent(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<FamilyRevokeMutation, FamilyRevokeMutationVariables>;