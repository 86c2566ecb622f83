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
    "\n  query FamilyDialog($id: ID!) { plan(id: $id) { id coordinator { displayName title }\n    goals { id text status latest spread disagreement subject { id displayName familyRole } }\n    meetings { id heldAt status agreements nextMeetingOn acceptedByParentAt parentComment\n      participants { id role displayName ratings { goalId value occurredAt } } }\n    members { id displayName familyRole }\n    timeline(limit: 200) { goalRating { goalId raterRole value occurredAt outsideMeeting } } } }\n": typeof types.FamilyDialogDocument,
    "mutation RateGoal($input: RateGoalInput!) { rateGoal(input: $input) { id goalId value } }": typeof types.RateGoalDocument,
    "mutation StartMeeting($input: StartMeetingInput!) { startMeeting(input: $input) { id } }": typeof types.StartMeetingDocument,
    "mutation CloseMeeting($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }": typeof types.CloseMeetingDocument,
    "mutation AcceptPlan($input: AcceptPlanInput!) { acceptPlan(input: $input) { id } }": typeof types.AcceptPlanDocument,
    "subscription GoalRated($planId: ID!) { goalRated(planId: $planId) { rating { id } } }": typeof types.GoalRatedDocument,
    "subscription MeetingChanged($planId: ID!) { meetingChanged(planId: $planId) { meeting { id status } } }": typeof types.MeetingChangedDocument,
    "\n  mutation InviteToAnswer($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) {\n    link invitation { id delivery expiresAt } } }\n": typeof types.InviteToAnswerDocument,
};
const documents: Documents = {
    "\n  query FamilyDialog($id: ID!) { plan(id: $id) { id coordinator { displayName title }\n    goals { id text status latest spread disagreement subject { id displayName familyRole } }\n    meetings { id heldAt status agreements nextMeetingOn acceptedByParentAt parentComment\n      participants { id role displayName ratings { goalId value occurredAt } } }\n    members { id displayName familyRole }\n    timeline(limit: 200) { goalRating { goalId raterRole value occurredAt outsideMeeting } } } }\n": types.FamilyDialogDocument,
    "mutation RateGoal($input: RateGoalInput!) { rateGoal(input: $input) { id goalId value } }": types.RateGoalDocument,
    "mutation StartMeeting($input: StartMeetingInput!) { startMeeting(input: $input) { id } }": types.StartMeetingDocument,
    "mutation CloseMeeting($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }": types.CloseMeetingDocument,
    "mutation AcceptPlan($input: AcceptPlanInput!) { acceptPlan(input: $input) { id } }": types.AcceptPlanDocument,
    "subscription GoalRated($planId: ID!) { goalRated(planId: $planId) { rating { id } } }": types.GoalRatedDocument,
    "subscription MeetingChanged($planId: ID!) { meetingChanged(planId: $planId) { meeting { id status } } }": types.MeetingChangedDocument,
    "\n  mutation InviteToAnswer($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) {\n    link invitation { id delivery expiresAt } } }\n": types.InviteToAnswerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyDialog($id: ID!) { plan(id: $id) { id coordinator { displayName title }\n    goals { id text status latest spread disagreement subject { id displayName familyRole } }\n    meetings { id heldAt status agreements nextMeetingOn acceptedByParentAt parentComment\n      participants { id role displayName ratings { goalId value occurredAt } } }\n    members { id displayName familyRole }\n    timeline(limit: 200) { goalRating { goalId raterRole value occurredAt outsideMeeting } } } }\n"): typeof import('./graphql.js').FamilyDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateGoal($input: RateGoalInput!) { rateGoal(input: $input) { id goalId value } }"): typeof import('./graphql.js').RateGoalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartMeeting($input: StartMeetingInput!) { startMeeting(input: $input) { id } }"): typeof import('./graphql.js').StartMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CloseMeeting($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }"): typeof import('./graphql.js').CloseMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptPlan($input: AcceptPlanInput!) { acceptPlan(input: $input) { id } }"): typeof import('./graphql.js').AcceptPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription GoalRated($planId: ID!) { goalRated(planId: $planId) { rating { id } } }"): typeof import('./graphql.js').GoalRatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MeetingChanged($planId: ID!) { meetingChanged(planId: $planId) { meeting { id status } } }"): typeof import('./graphql.js').MeetingChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToAnswer($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) {\n    link invitation { id delivery expiresAt } } }\n"): typeof import('./graphql.js').InviteToAnswerDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
