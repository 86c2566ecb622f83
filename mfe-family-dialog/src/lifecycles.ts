import { createElementLifecycles } from '@helhed/kit';
import { defineFamilyDialogElements } from './define.js';

defineFamilyDialogElements();

/**
 * single-spa lifecycles of the family dialogue, as an application or a parcel. Props become
 * element properties: `api`, `token` or `tokenProvider`, `planId`, `view`.
 */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-family-dialog');

/** The same lifecycles under a parcel name, for `mountParcel` in another application. */
export const familyDialogParcel = createElementLifecycles('helhed-family-dialog');
