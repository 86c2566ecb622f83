import { createElementLifecycles, defineOnce, type Locale, setLocale } from '@helhed/kit';
import { registerApplication, start } from 'single-spa';
import { HelhedShellHome } from './home-page.js';
import { HelhedShellLogin } from './login-page.js';
import { HelhedShellNotForRole } from './not-for-role-page.js';
import {
  adminPath,
  answerPath,
  familyPagePath,
  mayAdminister,
  mayReadStatistics,
  statisticsPath,
} from './routes.js';
import { currentSession, SESSION_CHANGE_EVENT, tokenProvider } from './session.js';
import { HelhedShellHeader } from './shell-header.js';

// The root config only registers and lays out; each widget owns its own screen.
defineOnce('helhed-shell-header', HelhedShellHeader);
defineOnce('helhed-shell-login', HelhedShellLogin);
defineOnce('helhed-shell-home', HelhedShellHome);
defineOnce('helhed-shell-not-for-role', HelhedShellNotForRole);

const savedLang = localStorage.getItem('helhed.lang') as Locale | null;
if (savedLang === 'da' || savedLang === 'en') {
  document.documentElement.lang = savedLang;
  setLocale(savedLang);
}

const signedIn = () => currentSession() !== null;
const widgetProps = { api: '/graphql', tokenProvider };

// An invitation link's page needs no sign-in, so the login page never covers it.
const onAnswerPage = (location: Location) => answerPath.test(location.pathname);

registerApplication({
  name: 'login',
  app: async () => createElementLifecycles('helhed-shell-login'),
  activeWhen: (location) => !signedIn() && !onAnswerPage(location),
});

// The link's page reads its token from location.hash (#t=…), which never reaches a server.
registerApplication({
  name: '@helhed/mfe-family/answer',
  app: () => import('@helhed/mfe-family/answer'),
  activeWhen: onAnswerPage,
  customProps: { api: '/graphql' },
});

// The family pages speak more languages than the shell (Arabic, Ukrainian): the one a family
// member picks there is remembered on this device for the next visit.
const FAMILY_LANG_KEY = 'helhed.family.lang';
const familyLang = () => {
  const saved = localStorage.getItem(FAMILY_LANG_KEY);
  return saved ? { lang: saved } : {};
};
window.addEventListener('helhed-language-change', (e) => {
  const { language } = (e as CustomEvent<{ language: string }>).detail;
  localStorage.setItem(FAMILY_LANG_KEY, language);
});

// The family's own page, on a phone: /familie. The API decides whose data a parent reaches.
registerApplication({
  name: '@helhed/mfe-family',
  app: () => import('@helhed/mfe-family'),
  activeWhen: (location) => signedIn() && familyPagePath.test(location.pathname),
  customProps: () => ({ ...widgetProps, ...familyLang() }),
});

registerApplication({
  name: 'home',
  app: async () => createElementLifecycles('helhed-shell-home'),
  activeWhen: (location) => signedIn() && location.pathname === '/',
});

registerApplication({
  name: '@helhed/mfe-progress',
  app: () => import('@helhed/mfe-progress'),
  activeWhen: (location) => signedIn() && location.pathname.startsWith('/instruments'),
  customProps: widgetProps,
});

// The professional's view of one citizen: session feedback beside the progress chart.
const citizenPath = /^\/citizen\/([^/]+)\/?$/;
const citizenIdIn = (location: Location) =>
  decodeURIComponent(citizenPath.exec(location.pathname)?.[1] ?? '');
const onCitizenPage = (location: Location) => signedIn() && citizenPath.test(location.pathname);
const citizenProps = (_name: string, location: Location) => ({
  ...widgetProps,
  citizenId: citizenIdIn(location),
  departmentId: currentSession()?.departmentId ?? '',
});

registerApplication({
  name: 'citizen-feedback',
  app: () => import('@helhed/mfe-progress').then((m) => m.sessionFeedbackParcel),
  activeWhen: onCitizenPage,
  customProps: citizenProps,
});

registerApplication({
  name: 'citizen-progress',
  app: () => import('@helhed/mfe-progress').then((m) => m.progressChartParcel),
  activeWhen: onCitizenPage,
  customProps: citizenProps,
});

// single-spa keeps an application mounted across /citizen/a → /citizen/b: hand over the new id.
window.addEventListener('single-spa:routing-event', () => {
  const citizenId = citizenIdIn(window.location);
  if (!citizenId) return;
  for (const el of document.querySelectorAll('helhed-session-feedback, helhed-progress-chart'))
    Object.assign(el, { citizenId });
});

// Signing in or out changes which applications are active without a URL change.
window.addEventListener(SESSION_CHANGE_EVENT, () => window.dispatchEvent(new PopStateEvent('popstate')));

// One plan across departments: /plan/<id>. The role only decides which edit controls are offered.
const planPath = /^\/plan\/([^/]+)\/?$/;
const planIdIn = (location: Location) => decodeURIComponent(planPath.exec(location.pathname)?.[1] ?? '');

registerApplication({
  name: '@helhed/mfe-plan',
  app: () => import('@helhed/mfe-plan'),
  activeWhen: (location) => signedIn() && planPath.test(location.pathname),
  customProps: (_name: string, location: Location) => ({
    ...widgetProps,
    planId: planIdIn(location),
    viewerRole: currentSession()?.role ?? '',
  }),
});

// Kept mounted across /plan/a → /plan/b: hand over the new id.
window.addEventListener('single-spa:routing-event', () => {
  const planId = planIdIn(window.location);
  if (planId) for (const el of document.querySelectorAll('helhed-plan')) Object.assign(el, { planId });
});

// The family dialogue of one plan: /family/<plan id>. The widget picks the parent or the
// professional view from the signed-in role.
const familyPath = /^\/family\/([^/]+)\/?$/;
const familyPlanIn = (location: Location) =>
  decodeURIComponent(familyPath.exec(location.pathname)?.[1] ?? '');

registerApplication({
  name: '@helhed/mfe-family-dialog',
  app: () => import('@helhed/mfe-family-dialog'),
  activeWhen: (location) => signedIn() && familyPath.test(location.pathname),
  customProps: (_name: string, location: Location) => ({ ...widgetProps, planId: familyPlanIn(location) }),
});

window.addEventListener('single-spa:routing-event', () => {
  const planId = familyPlanIn(window.location);
  if (planId)
    for (const el of document.querySelectorAll('helhed-family-dialog')) Object.assign(el, { planId });
});

// Anonymous statistics: /statistics, for the roles that may read them; others are told so.
const onStatisticsPage = (location: Location) => signedIn() && statisticsPath.test(location.pathname);
const mayRead = () => mayReadStatistics(currentSession()?.role);

registerApplication({
  name: '@helhed/mfe-statistics',
  app: () => import('@helhed/mfe-statistics'),
  activeWhen: (location) => onStatisticsPage(location) && mayRead(),
  customProps: widgetProps,
});

// The anonymous cost report (docs/economy.md) below the progression statistics, same roles.
registerApplication({
  name: '@helhed/mfe-statistics/cost-report',
  app: async () => (await import('@helhed/mfe-statistics')).costReport,
  activeWhen: (location) => onStatisticsPage(location) && mayRead(),
  customProps: widgetProps,
});

registerApplication({
  name: 'not-for-role',
  app: async () => createElementLifecycles('helhed-shell-not-for-role'),
  activeWhen: (location) => onStatisticsPage(location) && !mayRead(),
});

// The administrator's page: /admin, for ADMIN only (the API refuses every other role anyway).
registerApplication({
  name: '@helhed/mfe-admin',
  app: () => import('@helhed/mfe-admin'),
  activeWhen: (location) =>
    signedIn() && adminPath.test(location.pathname) && mayAdminister(currentSession()?.role),
  customProps: widgetProps,
});

// Routing starts in a task of its own: evaluating the shell's modules and drawing its header is
// already close to 50 ms on a slow machine, and single-spa's first reroute would add to that task.
setTimeout(() => start({ urlRerouteOnly: true }), 0);
