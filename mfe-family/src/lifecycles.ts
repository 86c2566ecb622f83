import { createElementLifecycles } from '@helhed/kit';
import { defineFamilyElements } from './define.js';

defineFamilyElements();

/**
 * single-spa lifecycles: the signed-in family page as an application. Props become element
 * properties: `api`, `token` or `tokenProvider`.
 */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-family');

/** The signed-in family page as a parcel, with the same props. */
export const familyParcel = createElementLifecycles('helhed-family');
