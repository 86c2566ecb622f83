import { createTranslator, type Locale } from '@helhed/kit';

/** Kind sentences for the API's stable error codes; the technical message is never shown. */
const t = createTranslator({
  da: {
    FORBIDDEN: 'Du har ikke adgang til at gemme svar for denne forvaltning.',
    NOT_FOUND: 'Borgeren blev ikke fundet, eller du har ikke adgang til borgeren.',
    UNAUTHENTICATED: 'Du er ikke logget ind. Log ind igen, og prøv så igen.',
    BAD_USER_INPUT: 'Svarene passer ikke til spørgeskemaet.',
    NETWORK: 'Der er ingen forbindelse lige nu.',
    other: 'Der skete en fejl ({code}). Prøv igen om lidt.',
  },
  en: {
    FORBIDDEN: 'You may not save answers for this department.',
    NOT_FOUND: 'The citizen was not found, or you have no access to them.',
    UNAUTHENTICATED: 'You are not signed in. Sign in again, then try again.',
    BAD_USER_INPUT: 'The answers do not fit the questionnaire.',
    NETWORK: 'There is no connection right now.',
    other: 'Something went wrong ({code}). Please try again shortly.',
  },
});

/** A kind sentence for an API error code, e.g. FORBIDDEN; unknown codes get a general one. */
export function reasonFor(code: string, locale: Locale): string {
  const text = t(code as Parameters<typeof t>[0], undefined, locale);
  return text === code ? t('other', { code }, locale) : text;
}
