import { createElementLifecycles } from '@helhed/kit';
import { defineProgressElements } from './define.js';

defineProgressElements();

/** single-spa lifecycles: the instrument catalogue as an application or parcel. */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-instrument-catalog');

/**
 * The session feedback form as a single-spa parcel (or application). Props become element
 * properties: `api`, `token` or `tokenProvider`, `citizenId`, `departmentId`, `session`.
 */
export const sessionFeedbackParcel = createElementLifecycles('helhed-session-feedback');

/** The progress chart as a single-spa parcel (or application): `api`, `tokenProvider`, `citizenId`. */
export const progressChartParcel = createElementLifecycles('helhed-progress-chart');
