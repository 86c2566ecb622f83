import { createElementLifecycles } from '@helhed/kit';
import { definePlanElements } from './define.js';

definePlanElements();

/**
 * single-spa lifecycles: the plan as an application. Props become element properties: `api`,
 * `token` or `tokenProvider`, `planId`, optionally `citizenId` and `viewerRole`.
 */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-plan');

/** The plan as a single-spa parcel, with the same props. */
export const planParcel = createElementLifecycles('helhed-plan');
