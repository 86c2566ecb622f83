import { defineOnce } from '@helhed/kit';
import { HelhedCostReport } from './cost-report.js';
import { HelhedStatistics } from './statistics.js';

/** Defines every element of mfe-statistics once, however often the module is loaded. */
export function defineStatisticsElements(): void {
  defineOnce('helhed-statistics', HelhedStatistics);
  defineOnce('helhed-cost-report', HelhedCostReport);
}
