import { t } from './messages.js';

/** The roles the API lets read the whole municipality's statistics (docs/statistics.md). */
const statisticsRoles = new Set(['ANALYST', 'COORDINATOR', 'ADMIN']);

/** Whether the shell offers the statistics page to a role. */
export const mayReadStatistics = (role: string | undefined): boolean =>
  role !== undefined && statisticsRoles.has(role);

export const statisticsPath = /^\/statistics\/?$/;

/** The administrator's page: departments, staff and families (docs/setup.md). */
export const adminPath = /^\/admin\/?$/;

/** Whether the shell offers the admin page to a role: the API refuses everyone else. */
export const mayAdminister = (role: string | undefined): boolean => role === 'ADMIN';

/** The family's own page (mfe-family), signed in as a parent or citizen. */
export const familyPagePath = /^\/familie\/?$/;

/** An invitation link's page, `<public url>/svar#t=<token>`: no sign-in, the token is the key. */
export const answerPath = /^\/svar\/?$/;

/** Roles the family's own page is for. */
export const isFamilyRole = (role: string | undefined): boolean => role === 'PARENT' || role === 'CITIZEN';

/** Roles whose start page is the caseload (helhed-caseload): who needs attention today. */
const caseloadRoles = new Set(['PROFESSIONAL', 'COORDINATOR']);

/** Whether the shell's start page for a role is the caseload rather than the names list. */
export const startsOnCaseload = (role: string | undefined): boolean =>
  role !== undefined && caseloadRoles.has(role);

/** Roles whose start page is an overview, not a caseload of citizens. */
const overviewRoles = new Set(['ANALYST', 'ADMIN']);

/**
 * The name of the page at `pathname` for the signed-in role (undefined: signed out), for the
 * document's title, the page's heading and the printed header.
 */
export function pageTitle(pathname: string, role: string | undefined): string {
  if (answerPath.test(pathname)) return t('answerPage');
  if (role === undefined) return t('loginHeading');
  if (familyPagePath.test(pathname)) return t('familyPage');
  if (pathname === '/') return overviewRoles.has(role) ? t('homeOverview') : t('homeHeading');
  if (pathname.startsWith('/instruments')) return t('instruments');
  if (pathname.startsWith('/citizen/')) return t('homeProgress');
  if (pathname.startsWith('/plan/')) return t('homePlan');
  if (pathname.startsWith('/family/')) return t('homeDialogue');
  if (statisticsPath.test(pathname)) return t('statistics');
  if (adminPath.test(pathname)) return t('admin');
  return t('brand');
}
