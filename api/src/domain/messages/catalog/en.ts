import type { MessageCatalog } from './catalog.js';

export const en: MessageCatalog = {
  locale: 'en-GB',
  invitation: {
    subject: ({ departmentName }) => `${departmentName} asks you to answer in Helhed`,
    text: ({ departmentName, link, expiresAt }) =>
      `Hello\n\n${departmentName} asks you to answer a few questions. It takes a few minutes, and you can answer from your phone without signing in.\n\nOpen this link:\n${link}\n\nThe link works once and until ${expiresAt}. Do not share it.`,
  },
  invitationReminder: {
    subject: ({ departmentName }) => `Reminder: ${departmentName} is waiting for your answer`,
    text: ({ departmentName, link, expiresAt }) =>
      `Hello\n\n${departmentName} asked you to answer a few questions, and your answer has not arrived yet.\n\nOpen this link:\n${link}\n\nThe link works until ${expiresAt}.`,
  },
  meetingReminder: {
    subject: ({ meetingOn }) => `Reminder: meeting on ${meetingOn}`,
    text: ({ departmentName, meetingOn, link }) =>
      `Hello\n\nYou have a meeting with ${departmentName} on ${meetingOn}.\n\nYou can see your shared goals here:\n${link}`,
  },
  digest: {
    subject: ({ date }) => `Helhed: what needs your attention today (${date})`,
    intro: ({ date }) => `Your caseload on ${date}:`,
    line: ({ reason, citizens }) => `- ${reason}: ${citizens} ${citizens === 1 ? 'citizen' : 'citizens'}`,
    outro: ({ link }) => `See who in Helhed:\n${link}`,
    reasons: {
      OUTCOME_RED: 'Red progress alert',
      ALLIANCE: 'Working-relationship alert',
      DIVERGENCE: 'Departments see different progress',
      OUTCOME_ORANGE: 'Orange progress alert',
      MEETING_OVERDUE: 'Family meeting overdue',
      NO_RECENT_MEASUREMENT: 'No measurement within the follow-up interval',
      GOALS_UNRATED: 'Goals nobody has rated for a while',
      INVITATION_UNANSWERED: 'Invitation not answered',
      PARALLEL_INTERVENTIONS: 'Parallel interventions',
      UNSERVED_GOALS: 'Goals without an intervention',
      NO_ACCEPTED_PLAN: 'Plan not accepted',
    },
  },
  footer:
    'This message was sent automatically by Helhed. Replies are not read. You can turn reminders off in Helhed.',
};
