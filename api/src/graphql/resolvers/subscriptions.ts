import { filter, pipe } from 'graphql-yoga';
import { assertCaseWorker, mayHearOfCitizen } from '../../access/policy.js';
import { idArgs, parseInput } from '../../domain/inputs/commands.js';
import { authorizePlan } from '../../domain/plans.js';
import { type HelhedContext, requireActor } from '../context.js';
import { reauthorisedStream } from '../live-access.js';
import {
  type CaseloadChange,
  type GoalRatingEvent,
  liveEvents,
  type MeetingChangedEvent,
} from '../pubsub.js';

/** The live subscriptions: a plan's ratings and meetings, and the caseload's changes. */
export const subscriptionResolvers = {
  Subscription: {
    goalRated: {
      /**
       * Same gate as reading the plan (NOT_FOUND when out of reach) at subscribe, and again before
       * every event: the stream ends when access or the token does (graphql/live-access.ts).
       */
      subscribe: async (_: unknown, args: { planId: string }, ctx: HelhedContext) => {
        const actor = requireActor(ctx);
        const owner = await authorizePlan(
          ctx.db,
          actor,
          parseInput(idArgs, { id: args.planId }).id,
          'goalRated',
        );
        const source = liveEvents(ctx.db).subscribe('goalRated', owner.id)[Symbol.asyncIterator]();
        return reauthorisedStream(ctx.db, actor, owner.id, ctx.now, source);
      },
      resolve: (event: GoalRatingEvent) => event,
    },
    meetingChanged: {
      /** As goalRated: the plan's read gate at subscribe and again before every event. */
      subscribe: async (_: unknown, args: { planId: string }, ctx: HelhedContext) => {
        const actor = requireActor(ctx);
        const owner = await authorizePlan(
          ctx.db,
          actor,
          parseInput(idArgs, { id: args.planId }).id,
          'meetingChanged',
        );
        const source = liveEvents(ctx.db).subscribe('meetingChanged', owner.id)[Symbol.asyncIterator]();
        return reauthorisedStream(ctx.db, actor, owner.id, ctx.now, source, 'meetingChanged:event');
      },
      resolve: (event: MeetingChangedEvent) => event,
    },
    caseloadChanged: {
      /**
       * Case workers only; each event reaches a subscriber only when the policy lets them open
       * one of its citizens, and says nothing but what kind of thing happened, and when.
       */
      subscribe: (_: unknown, __: unknown, ctx: HelhedContext) => {
        const actor = requireActor(ctx);
        assertCaseWorker(actor);
        const mayHear = async (change: CaseloadChange) => {
          for (const id of change.citizenIds)
            if (await mayHearOfCitizen(ctx.db, actor, change.municipalityId, id)) return true;
          return false;
        };
        return pipe(liveEvents(ctx.db).subscribe('caseloadChanged'), filter(mayHear));
      },
      resolve: (change: CaseloadChange) => ({ cause: change.cause, at: change.at }),
    },
  },
};
