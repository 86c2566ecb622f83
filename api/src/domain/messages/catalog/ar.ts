import type { MessageCatalog } from './catalog.js';

export const ar: MessageCatalog = {
  locale: 'ar',
  invitation: {
    subject: ({ departmentName }) => `${departmentName} يطلب منك الإجابة في Helhed`,
    text: ({ departmentName, link, expiresAt }) =>
      `مرحبًا\n\n${departmentName} يطلب منك الإجابة عن بعض الأسئلة. يستغرق ذلك بضع دقائق، ويمكنك الإجابة من هاتفك دون تسجيل الدخول.\n\nافتح هذا الرابط:\n${link}\n\nيمكن استخدام الرابط مرة واحدة وهو صالح حتى ${expiresAt}. لا تشاركه مع أحد.`,
  },
  invitationReminder: {
    subject: ({ departmentName }) => `تذكير: ${departmentName} بانتظار إجابتك`,
    text: ({ departmentName, link, expiresAt }) =>
      `مرحبًا\n\nطلب منك ${departmentName} الإجابة عن بعض الأسئلة، ولم تصلنا إجابتك بعد.\n\nافتح هذا الرابط:\n${link}\n\nالرابط صالح حتى ${expiresAt}.`,
  },
  meetingReminder: {
    subject: ({ meetingOn }) => `تذكير: اجتماع في ${meetingOn}`,
    text: ({ departmentName, meetingOn, link }) =>
      `مرحبًا\n\nلديك اجتماع مع ${departmentName} في ${meetingOn}.\n\nيمكنك الاطلاع على أهدافكم المشتركة هنا:\n${link}`,
  },
  digest: {
    subject: ({ date }) => `Helhed: ما يحتاج إلى متابعتك اليوم (${date})`,
    intro: ({ date }) => `حالاتك في ${date}:`,
    line: ({ reason, citizens }) => `- ${reason}: ${citizens}`,
    outro: ({ link }) => `اطّلع على التفاصيل في Helhed:\n${link}`,
    reasons: {
      OUTCOME_RED: 'تنبيه أحمر بشأن التقدم',
      ALLIANCE: 'تنبيه بشأن علاقة العمل',
      DIVERGENCE: 'الإدارات ترى تقدمًا مختلفًا',
      OUTCOME_ORANGE: 'تنبيه برتقالي بشأن التقدم',
      MEETING_OVERDUE: 'تأخر اجتماع العائلة',
      NO_RECENT_MEASUREMENT: 'لا قياس خلال فترة المتابعة',
      GOALS_UNRATED: 'أهداف لم يقيّمها أحد منذ مدة',
      INVITATION_UNANSWERED: 'دعوة لم يُرد عليها',
      PARALLEL_INTERVENTIONS: 'تدخلات متوازية',
      UNSERVED_GOALS: 'أهداف بلا تدخل',
      NO_ACCEPTED_PLAN: 'الخطة غير مقبولة',
    },
  },
  footer: 'أُرسلت هذه الرسالة تلقائيًا من Helhed. لا تُقرأ الردود عليها. يمكنك إيقاف التذكيرات في Helhed.',
};
