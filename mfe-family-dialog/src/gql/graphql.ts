/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptPlanInput = {
  comment?: string | null | undefined;
  meetingId: string;
};

export type CloseMeetingInput = {
  agreements: string;
  meetingId: string;
  /** YYYY-MM-DD */
  nextMeetingOn?: string | null | undefined;
};

export type GoalStatus =
  | 'ACHIEVED'
  | 'ACTIVE'
  | 'CLOSED';

export type InvitationDelivery =
  /** Sent by e-mail through the outbox. */
  | 'EMAIL'
  /** No address given: the link was shown once to the professional to hand over (QR code, in person). */
  | 'HAND_OVER';

export type InviteQuestionnaireInput = {
  /** The citizen the answers are about: the invitee, or the invitee's minor child. */
  citizenId: string;
  /** An OUTCOME or GOAL instrument; the session instrument is only answered with a professional. */
  instrumentKey: string;
};

export type InviteToAnswerInput = {
  /** The inviting department, whose series the answers join. A professional's own by default. */
  departmentId?: string | null | undefined;
  /** Where the link is e-mailed. Without it the link is returned once to hand over. */
  email?: string | null | undefined;
  /** The person who answers: the citizen themself, or a parent of the child it is about. */
  inviteeId: string;
  /** The language of the message and the page; da by default. */
  language?: Language | null | undefined;
  planId?: string | null | undefined;
  /** Exactly one of questionnaire and planId. */
  questionnaire?: InviteQuestionnaireInput | null | undefined;
  /** 1–30; 7 by default. */
  validDays?: number | null | undefined;
};

export type Language =
  | 'ar'
  | 'da'
  | 'en'
  | 'uk';

export type MeetingParticipantInput = {
  displayName: string;
  /** PARENT, CHILD, CITIZEN, PROFESSIONAL or OTHER. */
  role: string;
};

export type MeetingStatus =
  | 'CLOSED'
  | 'OPEN';

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

export type StartMeetingInput = {
  /** When the meeting started (ISO 8601 with zone); now when absent. */
  heldAt?: string | null | undefined;
  participants: Array<MeetingParticipantInput>;
  planId: string;
};

export type FamilyDialogQueryVariables = Exact<{
  id: string;
}>;


export type FamilyDialogQuery = { plan: { id: string, coordinator: { displayName: string, title: string } | null, goals: Array<{ id: string, text: string, status: GoalStatus, latest: number | null, spread: number | null, disagreement: boolean, subject: { id: string, displayName: string, familyRole: string | null } | null }>, meetings: Array<{ id: string, heldAt: string, status: MeetingStatus, agreements: string, nextMeetingOn: string | null, acceptedByParentAt: string | null, parentComment: string | null, participants: Array<{ id: string, role: string, displayName: string, ratings: Array<{ goalId: string, value: number, occurredAt: string }> }> }>, members: Array<{ id: string, displayName: string, familyRole: string | null }>, timeline: Array<{ goalRating: { goalId: string, raterRole: string, value: number, occurredAt: string, outsideMeeting: boolean } | null }> } };

export type RateGoalMutationVariables = Exact<{
  input: RateGoalInput;
}>;


export type RateGoalMutation = { rateGoal: { id: string, goalId: string, value: number } };

export type StartMeetingMutationVariables = Exact<{
  input: StartMeetingInput;
}>;


export type StartMeetingMutation = { startMeeting: { id: string } };

export type CloseMeetingMutationVariables = Exact<{
  input: CloseMeetingInput;
}>;


export type CloseMeetingMutation = { closeMeeting: { id: string } };

export type AcceptPlanMutationVariables = Exact<{
  input: AcceptPlanInput;
}>;


export type AcceptPlanMutation = { acceptPlan: { id: string } };

export type GoalRatedSubscriptionVariables = Exact<{
  planId: string;
}>;


export type GoalRatedSubscription = { goalRated: { rating: { id: string } } };

export type MeetingChangedSubscriptionVariables = Exact<{
  planId: string;
}>;


export type MeetingChangedSubscription = { meetingChanged: { meeting: { id: string, status: MeetingStatus } } };

export type InviteToAnswerMutationVariables = Exact<{
  input: InviteToAnswerInput;
}>;


export type InviteToAnswerMutation = { inviteToAnswer: { link: string | null, invitation: { id: string, delivery: InvitationDelivery, expiresAt: string } } };

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

export const FamilyDialogDocument = new TypedDocumentString(`
    query FamilyDialog($id: ID!) {
  plan(id: $id) {
    id
    coordinator {
      displayName
      title
    }
    goals {
      id
      text
      status
      latest
      spread
      disagreement
      subject {
        id
        displayName
        familyRole
      }
    }
    meetings {
      id
      heldAt
      status
      agreements
      nextMeetingOn
      acceptedByParentAt
      parentComment
      participants {
        id
        role
        displayName
        ratings {
          goalId
          value
          occurredAt
        }
      }
    }
    members {
      id
      displayName
      familyRole
    }
    timeline(limit: 200) {
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
    `) as unknown as TypedDocumentString<FamilyDialogQuery, FamilyDialogQueryVariables>;
export const RateGoalDocument = new TypedDocumentString(`
    mutation RateGoal($input: RateGoalInput!) {
  rateGoal(input: $input) {
    id
    goalId
    value
  }
}
    `) as unknown as TypedDocumentString<RateGoalMutation, RateGoalMutationVariables>;
export const StartMeetingDocument = new TypedDocumentString(`
    mutation StartMeeting($input: StartMeetingInput!) {
  startMeeting(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartMeetingMutation, StartMeetingMutationVariables>;
export const CloseMeetingDocument = new TypedDocumentString(`
    mutation CloseMeeting($input: CloseMeetingInput!) {
  closeMeeting(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CloseMeetingMutation, CloseMeetingMutationVariables>;
export const AcceptPlanDocument = new TypedDocumentString(`
    mutation AcceptPlan($input: AcceptPlanInput!) {
  acceptPlan(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcceptPlanMutation, AcceptPlanMutationVariables>;
export const GoalRatedDocument = new TypedDocumentString(`
    subscription GoalRated($planId: ID!) {
  goalRated(planId: $planId) {
    rating {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<GoalRatedSubscription, GoalRatedSubscriptionVariables>;
export const MeetingChangedDocument = new TypedDocumentString(`
    subscription MeetingChanged($planId: ID!) {
  meetingChanged(planId: $planId) {
    meeting {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<MeetingChangedSubscription, MeetingChangedSubscriptionVariables>;
export const InviteToAnswerDocument = new TypedDocumentString(`
    mutation InviteToAnswer($input: InviteToAnswerInput!) {
  inviteToAnswer(input: $input) {
    link
    invitation {
      id
      delivery
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<InviteToAnswerMutation, InviteToAnswerMutationVariables>;