import type { Failure } from './connection.js';
import { getLocale, interpolate, type Locale, type MessageParams } from './i18n.js';

/**
 * Sentences for failures, keyed by the API's stable `extensions.code` alone (`FORBIDDEN`) or with
 * the refused input's `field` (`BAD_USER_INPUT.goalId`). Never keyed by message text: the
 * server's messages are English and may change; codes and fields are the contract.
 */
export type ErrorCatalog = { [L in Locale]: Readonly<Record<string, string>> };

/** Kit's wording, which every widget shares; a widget passes sentences of its own to say more. */
export const errorCatalog: ErrorCatalog = {
  da: {
    FORBIDDEN: 'Det har du ikke adgang til.',
    NOT_FOUND: 'Det blev ikke fundet, eller du har ikke adgang til det.',
    UNAUTHENTICATED: 'Du er ikke logget ind. Log ind igen, og prøv så igen.',
    BAD_USER_INPUT: 'Noget af det udfyldte passer ikke. Se det igennem.',
    CONFLICT: 'Det er ændret af en anden imens. Hent det igen, og prøv så igen.',
    NETWORK: 'Der er ingen forbindelse lige nu.',
    'BAD_USER_INPUT.goalId': 'Målet er afsluttet. Det kan ikke få point mere.',
    'BAD_USER_INPUT.meetingId': 'Mødet er slut. Point kan kun gives under et møde.',
    'BAD_USER_INPUT.participantId': 'Du er ikke med i dette møde. Derfor kan du ikke give point her.',
    other: 'Der skete en fejl ({code}). Prøv igen om lidt.',
  },
  en: {
    FORBIDDEN: 'You have no access to that.',
    NOT_FOUND: 'It was not found, or you have no access to it.',
    UNAUTHENTICATED: 'You are not signed in. Sign in again, then try again.',
    BAD_USER_INPUT: 'Something you filled in does not fit. Please check it.',
    CONFLICT: 'Someone else changed it meanwhile. Load it again, then try again.',
    NETWORK: 'There is no connection right now.',
    'BAD_USER_INPUT.goalId': 'The goal is closed. It can no longer get points.',
    'BAD_USER_INPUT.meetingId': 'The meeting is over. Points can only be given during a meeting.',
    'BAD_USER_INPUT.participantId':
      'You are not taking part in this meeting, so you cannot give points here.',
    other: 'Something went wrong ({code}). Please try again shortly.',
  },
};

/** For a view read through a filter: a refused filter is named as such, with the server's reason. */
export const filterErrors: ErrorCatalog = {
  da: { BAD_USER_INPUT: 'Filteret kan ikke bruges: {message}' },
  en: { BAD_USER_INPUT: 'The filter cannot be used: {message}' },
};

/**
 * A plain sentence for a failure: the most specific entry wins (`CODE.field` before `CODE`),
 * the widget's own `catalog` before kit's, and an unknown code gets a general sentence naming it.
 * `{code}`, `{field}` and `{message}` may appear in a sentence.
 */
export function reasonFor(
  failure: Failure,
  locale: Locale = getLocale(),
  catalog?: Partial<ErrorCatalog>,
): string {
  const { code, field } = failure;
  const keys = field ? [`${code}.${field}`, code] : [code];
  const own = catalog?.[locale];
  const params: MessageParams = { code, field: field ?? '', message: failure.message ?? '' };
  for (const key of keys) {
    const text = own?.[key] ?? errorCatalog[locale][key];
    if (text !== undefined) return interpolate(text, params, locale);
  }
  return interpolate(errorCatalog[locale].other ?? code, params, locale);
}
