import { createElementLifecycles } from '@helhed/kit';
import { defineCaseloadElements } from './define.js';

defineCaseloadElements();

/**
 * single-spa lifecycles: the caseload as an application. Props become element properties:
 * `api`, `token` or `tokenProvider`, and optionally `scope`, `targetGroup`, `reasons`, `limit`
 * and the link templates (`citizenHref`, `planHref`, `dialogueHref`).
 */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-caseload');

/** The caseload as a single-spa parcel, with the same props. */
export const caseloadParcel = createElementLifecycles('helhed-caseload');
