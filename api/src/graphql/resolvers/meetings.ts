import type { DialogueMeeting, GoalRating, MeetingParticipant } from '../../db/schema/index.js';
import {
  acceptPlanInput,
  closeMeetingInput,
  parseInput,
  startMeetingInput,
} from '../../domain/inputs/commands.js';
import { acceptPlan, closeMeeting, startMeeting } from '../../domain/meetings.js';
import { type HelhedContext, requireActor } from '../context.js';
import { publishMeetingChanged } from '../pubsub.js';

/**
 * A participant's ratings: those naming the participant, plus unnamed ratings of the meeting
 * in the participant's role when nobody else in the meeting has that role.
 */
function ratingsOf(
  p: MeetingParticipant,
  all: readonly MeetingParticipant[],
  ratings: readonly GoalRating[],
) {
  const onlyOfRole = all.filter((o) => o.role === p.role).length === 1;
  return ratings.filter(
    (r) => r.participantId === p.id || (r.participantId === null && onlyOfRole && r.raterRole === p.role),
  );
}

/** Family dialogue meetings: start, close, a parent's acceptance, and who rated what. */
export const meetingResolvers = {
  Mutation: {
    startMeeting: async (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const input = parseInput(startMeetingInput(now), args.input);
      const meeting = await startMeeting(ctx.db, requireActor(ctx), input, now);
      await publishMeetingChanged(ctx.db, meeting, now);
      return meeting;
    },
    closeMeeting: async (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const input = parseInput(closeMeetingInput, args.input);
      const meeting = await closeMeeting(ctx.db, requireActor(ctx), input, now);
      await publishMeetingChanged(ctx.db, meeting, now);
      return meeting;
    },
    acceptPlan: async (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const input = parseInput(acceptPlanInput, args.input);
      const meeting = await acceptPlan(ctx.db, requireActor(ctx), input, now);
      await publishMeetingChanged(ctx.db, meeting, now);
      return meeting;
    },
  },
  Meeting: {
    heldAt: (m: DialogueMeeting) => m.heldAt.toISOString(),
    acceptedByParentAt: (m: DialogueMeeting) => m.acceptedByParentAt?.toISOString() ?? null,
    participants: (m: DialogueMeeting, _: unknown, ctx: HelhedContext) => ctx.loaders.participants.load(m.id),
    ratings: (m: DialogueMeeting, _: unknown, ctx: HelhedContext) => ctx.loaders.meetingRatings.load(m.id),
  },
  MeetingParticipant: {
    ratings: async (p: MeetingParticipant, _: unknown, ctx: HelhedContext) => {
      const [all, ratings] = await Promise.all([
        ctx.loaders.participants.load(p.meetingId),
        ctx.loaders.meetingRatings.load(p.meetingId),
      ]);
      return ratingsOf(p, all, ratings);
    },
  },
};
