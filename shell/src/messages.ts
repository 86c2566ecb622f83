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
