import type { MessageCatalog } from './catalog.js';

export const uk: MessageCatalog = {
  locale: 'uk-UA',
  invitation: {
    subject: ({ departmentName }) => `${departmentName} просить вас відповісти в Helhed`,
    text: ({ departmentName, link, expiresAt }) =>
      `Вітаємо\n\n${departmentName} просить вас відповісти на кілька запитань. Це займе кілька хвилин, і ви можете відповісти з телефона без входу в систему.\n\nВідкрийте посилання:\n${link}\n\nПосилання можна використати один раз, воно дійсне до ${expiresAt}. Не передавайте його іншим.`,
  },
  invitationReminder: {
    subject: ({ departmentName }) => `Нагадування: ${departmentName} чекає на вашу відповідь`,
    text: ({ departmentName, link, expiresAt }) =>
      `Вітаємо\n\n${departmentName} попросив вас відповісти на кілька запитань, але ми ще не отримали вашої відповіді.\n\nВідкрийте посилання:\n${link}\n\nПосилання дійсне до ${expiresAt}.`,
  },
  meetingReminder: {
    subject: ({ meetingOn }) => `Нагадування: зустріч ${meetingOn}`,
    text: ({ departmentName, meetingOn, link }) =>
      `Вітаємо\n\nУ вас зустріч із ${departmentName} ${meetingOn}.\n\nВаші спільні цілі можна переглянути тут:\n${link}`,
  },
  digest: {
    subject: ({ date }) => `Helhed: що потребує вашої уваги сьогодні (${date})`,
    intro: ({ date }) => `Ваші справи на ${date}:`,
    line: ({ reason, citizens }) => `- ${reason}: ${citizens}`,
    outro: ({ link }) => `Подробиці в Helhed:\n${link}`,
    reasons: {
      OUTCOME_RED: 'Червоний сигнал щодо прогресу',
      ALLIANCE: 'Сигнал щодо робочих стосунків',
      DIVERGENCE: 'Відділи бачать різний прогрес',
      OUTCOME_ORANGE: 'Помаранчевий сигнал щодо прогресу',
      MEETING_OVERDUE: 'Сімейну зустріч прострочено',
      NO_RECENT_MEASUREMENT: 'Немає вимірювання за період спостереження',
      GOALS_UNRATED: 'Цілі, які давно ніхто не оцінював',
      INVITATION_UNANSWERED: 'Запрошення без відповіді',
      PARALLEL_INTERVENTIONS: 'Паралельні заходи',
      UNSERVED_GOALS: 'Цілі без заходів',
      NO_ACCEPTED_PLAN: 'План не прийнято',
    },
  },
  footer:
    'Це повідомлення надіслано автоматично з Helhed. Відповіді на нього не читаються. Нагадування можна вимкнути в Helhed.',
};
