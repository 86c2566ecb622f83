/**
 * mfe-admin: the administrator's page. Importing this module defines the element (once) and
 * exports single-spa lifecycles.
 */
export { HelhedAdmin } from './admin.js';
export { bootstrap, mount, unmount, update } from './lifecycles.js';
export { HelhedPlanStart } from './plan-start.js';
