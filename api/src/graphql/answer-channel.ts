import type { AnswerChannel } from '../db/schema/index.js';

/**
 * Whether an answer (a measurement or a goal rating) was given between meetings: by the family
 * themselves or through an invitation link (docs/family.md).
 */
export const outsideMeeting = (answer: { channel: AnswerChannel }) =>
  answer.channel === 'SELF' || answer.channel === 'INVITATION';
