import type { AnswerChannel } from '../../db/schema/index.js';

const betweenMeetings = (channel: AnswerChannel) => channel === 'SELF' || channel === 'INVITATION';

/** Families between meetings (docs/family.md): how an answer was given, invitations. */
export const familyResolvers = {
  Measurement: {
    outsideMeeting: (m: { channel: AnswerChannel }) => betweenMeetings(m.channel),
  },
  GoalRating: {
    outsideMeeting: (r: { channel: AnswerChannel }) => betweenMeetings(r.channel),
  },
};
