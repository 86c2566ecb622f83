import { createTranslator } from '@helhed/kit';

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
    loginFailed: 'Login mislykkedes: {message}',
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
    loginFailed: 'Sign-in failed: {message}',
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
