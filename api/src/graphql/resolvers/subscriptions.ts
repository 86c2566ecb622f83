import { and, eq } from 'drizzle-orm';
import { filter, pipe } from 'graphql-yoga';
import { assertCaseWorker, mayHearOfCitizen } from '../../access/policy.js';
import { citizen, familyMember, plan } from '../../db/tables.js';
import { idArgs, parseInput } from '../../domain/inputs/commands.js';
import { authorizePlan } from '../../domain/plans.js';
import { type HelhedContext, requireActor } from '../context.js';
import type { GoalView } from '../goal-views.js';
import { reauthorisedStream } from '../live-access.js';
import {
  type CaseloadChange,
  type GoalRatingEvent,
  liveEvents,
  type MeetingChangedEvent,
} from '../pubsub.js';

/** Family dialogue: whom a goal is about, and the live `goalRated` subscription. */
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
  Goal: {
    subject: async (g: GoalView, _: unknown, ctx: HelhedContext) => {
      const id = g.goal.subjectCitizenId;
      if (!id) return null;
      const row = (await ctx.db.select().from(citizen).where(eq(citizen.id, id)))[0];
      if (!row) return null;
      const member = (
        await ctx.db
          .select({ role: familyMember.role })
          .from(plan)
          .innerJoin(familyMember, eq(familyMember.familyId, plan.familyId))
          .where(and(eq(plan.id, g.goal.planId), eq(familyMember.citizenId, id)))
      )[0];
      return { id: row.id, displayName: row.displayName, familyRole: member?.role ?? null };
    },
  },
};
