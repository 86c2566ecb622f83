import { defineOnce } from '@helhed/kit';
import { HelhedAdmin } from './admin.js';
import { HelhedPlanStart } from './plan-start.js';

/** Defines every element of mfe-admin once, however often the module is loaded. */
export function defineAdminElements(): void {
  defineOnce('helhed-admin', HelhedAdmin);
  defineOnce('helhed-plan-start', HelhedPlanStart);
}
