import { createTranslator, type ErrorCatalog } from '@helhed/kit';

export const t = createTranslator({
  da: {
    brand: 'Helhed',
    nav: 'Hovedmenu',
    home: 'Forside',
    instruments: 'Måleredskaber',
    language: 'Sprog',
    signOut: 'Log ud',
    signedInAs: 'Logget ind som {role}: {label}',
    loginHeading: 'Log ind i demoen',
    loginIntro: 'Vælg en rolle. Demoen bruger fiktive personer og en lokal login-tjeneste uden adgangskode.',
    loginFailed: 'Login mislykkedes. {reason}',
    signInHeading: 'Log ind',
    loginOff:
      'Denne server har ikke demoens login. Her bruges Helhed gennem kommunens eget system, for eksempel fagsystemet eller intranettet, som logger dig ind.',
    retry: 'Prøv igen',
    loading: 'Henter …',
    homeHeading: 'Borgere',
    homeOverview: 'Overblik',
    homeSearch: 'Søg efter navn',
    homeEmpty: 'Ingen borgere at vise.',
    homeNoCitizens: 'Din rolle giver adgang til anonym statistik og opsætning, ikke til borgernes sager.',
    homeProgress: 'Samtaler og udvikling',
    homePlan: 'Plan',
    homeFamilyPlan: 'Plan: {family}',
    homeDialogue: 'Familiedialog',
    familyPage: 'Min side',
    answerPage: 'Dine svar',
    statistics: 'Statistik',
    admin: 'Opsætning',
    notForRole:
      'Statistikken er for analytikere, koordinatorer og administratorer. Din rolle, {role}, giver ikke adgang til den.',
    backHome: 'Tilbage til forsiden',
    PROFESSIONAL: 'Fagperson',
    COORDINATOR: 'Koordinator',
    PARENT: 'Forælder',
    CITIZEN: 'Borger',
    ANALYST: 'Analytiker',
    INTEGRATION: 'Integration',
    ADMIN: 'Administrator',
  },
  en: {
    brand: 'Helhed',
    nav: 'Main menu',
    home: 'Home',
    instruments: 'Instruments',
    language: 'Language',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {role}: {label}',
    loginHeading: 'Sign in to the demo',
    loginIntro:
      'Choose a role. The demo uses fictional people and a local sign-in service without passwords.',
    loginFailed: 'Sign-in failed. {reason}',
    signInHeading: 'Sign in',
    loginOff:
      "This server has no demo sign-in. Here Helhed is used through the municipality's own system, such as the case system or the intranet, which signs you in.",
    retry: 'Try again',
    loading: 'Loading …',
    homeHeading: 'Citizens',
    homeOverview: 'Overview',
    homeSearch: 'Search by name',
    homeEmpty: 'No citizens to show.',
    homeNoCitizens:
      "Your role gives access to anonymous statistics and configuration, not to citizens' cases.",
    homeProgress: 'Sessions and progress',
    homePlan: 'Plan',
    homeFamilyPlan: 'Plan: {family}',
    homeDialogue: 'Family dialogue',
    familyPage: 'My page',
    answerPage: 'Your answers',
    statistics: 'Statistics',
    admin: 'Setup',
    notForRole:
      'The statistics are for analysts, coordinators and administrators. Your role, {role}, does not give access to them.',
    backHome: 'Back to the start page',
    PROFESSIONAL: 'Professional',
    COORDINATOR: 'Coordinator',
    PARENT: 'Parent',
    CITIZEN: 'Citizen',
    ANALYST: 'Analyst',
    INTEGRATION: 'Integration',
    ADMIN: 'Administrator',
  },
});

export type RoleKey =
  | 'PROFESSIONAL'
  | 'COORDINATOR'
  | 'PARENT'
  | 'CITIZEN'
  | 'ANALYST'
  | 'INTEGRATION'
  | 'ADMIN';
export const roleName = (role: string) => t(role as RoleKey);

/** What a refused demo sign-in means (codes from `session.ts`), where kit's sentences say less. */
export const signInErrors: Partial<ErrorCatalog> = {
  da: { SIGN_IN_REFUSED: 'Rollen kunne ikke bruges. Hent siden igen, og vælg en rolle.' },
  en: { SIGN_IN_REFUSED: 'That role could not be used. Reload the page and choose a role.' },
};
