import { t } from './messages.js';

/** The roles the API lets read the whole municipality's statistics (docs/statistics.md). */
const statisticsRoles = new Set(['ANALYST', 'COORDINATOR', 'ADMIN']);

/** Whether the shell offers the statistics page to a role. */
export const mayReadStatistics = (role: string | undefined): boolean =>
  role !== undefined && statisticsRoles.has(role);

export const statisticsPath = /^\/statistics\/?$/;

/** The name of the page at `pathname`, for the document's title and the printed header. */
export function pageTitle(pathname: string, signedIn: boolean): string {
  if (!signedIn) return t('loginHeading');
  if (pathname === '/') return t('homeHeading');
  if (pathname.startsWith('/instruments')) return t('instruments');
  if (pathname.startsWith('/citizen/')) return t('homeProgress');
  if (pathname.startsWith('/plan/')) return t('homePlan');
  if (pathname.startsWith('/family/')) return t('homeDialogue');
  if (statisticsPath.test(pathname)) return t('statistics');
  return t('brand');
}
