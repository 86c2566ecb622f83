/** The languages the API answers in: labels, instrument wording and FHIR display texts. */
export type Locale = 'da' | 'en';

/** Danish unless the request prefers English (an Accept-Language header, or none). */
export function localeFrom(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return 'da';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}
