import type { MessageCatalog } from './catalog.js';

export const da: MessageCatalog = {
  locale: 'da-DK',
  invitation: {
    subject: ({ departmentName }) => `${departmentName} beder dig svare i Helhed`,
    text: ({ departmentName, link, expiresAt }) =>
      `Hej\n\n${departmentName} beder dig svare på nogle spørgsmål. Det tager få minutter, og du kan svare fra din telefon uden at logge ind.\n\nÅbn linket her:\n${link}\n\nLinket kan bruges én gang og gælder til ${expiresAt}. Del det ikke med andre.`,
  },
  invitationReminder: {
    subject: ({ departmentName }) => `Påmindelse: ${departmentName} venter på dit svar`,
    text: ({ departmentName, link, expiresAt }) =>
      `Hej\n\n${departmentName} har bedt dig svare på nogle spørgsmål, og vi har ikke modtaget dit svar endnu.\n\nÅbn linket her:\n${link}\n\nLinket gælder til ${expiresAt}.`,
  },
  meetingReminder: {
    subject: ({ meetingOn }) => `Påmindelse: møde ${meetingOn}`,
    text: ({ departmentName, meetingOn, link }) =>
      `Hej\n\nDu har et møde med ${departmentName} ${meetingOn}.\n\nDu kan se jeres fælles mål her:\n${link}`,
  },
  digest: {
    subject: ({ date }) => `Helhed: det skal du følge op på i dag (${date})`,
    intro: ({ date }) => `Sådan ser din sagsstamme ud ${date}:`,
    line: ({ reason, citizens }) => `- ${reason}: ${citizens} ${citizens === 1 ? 'borger' : 'borgere'}`,
    outro: ({ link }) => `Se hvem det drejer sig om i Helhed:\n${link}`,
    reasons: {
      OUTCOME_RED: 'Rød alarm på udvikling',
      ALLIANCE: 'Alarm på samarbejdet',
      DIVERGENCE: 'Forvaltningerne ser forskellig udvikling',
      OUTCOME_ORANGE: 'Orange alarm på udvikling',
      MEETING_OVERDUE: 'Familiemøde er overskredet',
      NO_RECENT_MEASUREMENT: 'Ingen måling i opfølgningsperioden',
      GOALS_UNRATED: 'Mål ingen har vurderet længe',
      INVITATION_UNANSWERED: 'Invitation ikke besvaret',
      PARALLEL_INTERVENTIONS: 'Parallelle indsatser',
      UNSERVED_GOALS: 'Mål uden indsats',
      NO_ACCEPTED_PLAN: 'Plan ikke accepteret',
    },
  },
  footer:
    'Denne besked er sendt automatisk fra Helhed. Du kan ikke svare på den. Du kan fravælge påmindelser i Helhed.',
};
