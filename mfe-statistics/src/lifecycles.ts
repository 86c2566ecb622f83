import { createElementLifecycles } from '@helhed/kit';
import { defineStatisticsElements } from './define.js';

defineStatisticsElements();

/**
 * single-spa lifecycles: the statistics as an application. Props become element properties:
 * `api`, `token` or `tokenProvider`, and optionally the filter (`instrumentKey`, `departmentId`,
 * `from`, `to`, `period`, `groupBy`, `targetGroup`).
 */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-statistics');

/** The statistics as a single-spa parcel, with the same props. */
export const statisticsParcel = createElementLifecycles('helhed-statistics');

/** The anonymous cost report (docs/economy.md) as a single-spa application or parcel: `api`, `token`. */
export const costReport = createElementLifecycles('helhed-cost-report');
