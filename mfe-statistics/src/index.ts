/**
 * mfe-statistics: anonymous progression statistics. Importing this module defines the element
 * (once) and exports single-spa lifecycles: the default application and a parcel config.
 */
export { HelhedCostReport } from './cost-report.js';
export { bootstrap, costReport, mount, statisticsParcel, unmount, update } from './lifecycles.js';
export { csvSeparator, toCsv } from './statistics.csv.js';
export { HelhedStatistics } from './statistics.js';
export type {
  Dimension,
  Period,
  StatisticsCell,
  StatisticsResult,
  TableModel,
  TableRow,
} from './statistics.table.js';
