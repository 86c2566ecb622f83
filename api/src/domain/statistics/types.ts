import type { InstrumentDefinition } from '../instruments/index.js';

/** What anonymous statistics can be grouped by (docs/design.md §4). */
export const statisticsDimensions = [
  'DEPARTMENT_KIND',
  'TARGET_GROUP',
  'INTERVENTION_TYPE',
  'PERIOD',
] as const;
export type StatisticsDimension = (typeof statisticsDimensions)[number];

/** Whole calendar periods: a window is snapped outward to them, and PERIOD groups by them. */
export const statisticsPeriods = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type StatisticsPeriod = (typeof statisticsPeriods)[number];

/** A window snapped to whole periods: inclusive calendar dates and the UTC instants they span. */
export interface SnappedWindow {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  to: string;
  /** Epoch ms of `from` 00:00 Copenhagen time. */
  startMs: number;
  /** Epoch ms of the day after `to`, 00:00 Copenhagen time (exclusive). */
  endMs: number;
}

/**
 * One statistics job, authorised and validated: everything the computation needs and nothing
 * about who asked. Plain data, so it can cross to a worker thread.
 */
export interface StatisticsRequest {
  municipalityId: string;
  definition: InstrumentDefinition;
  departmentId: string | null;
  targetGroupKey: string | null;
  groupBy: StatisticsDimension[];
  period: StatisticsPeriod;
  window: SnappedWindow;
  minCellSize: number;
}

/** The group keys of a cell; a key is null when the cell is not grouped by it (or has none). */
export interface CellKeys {
  departmentKind: string | null;
  targetGroup: string | null;
  interventionType: string | null;
  period: string | null;
}

/** One published cell. Every number is null when the cell is suppressed. */
export interface StatisticsCell extends CellKeys {
  n: number | null;
  improved: number | null;
  noChange: number | null;
  deteriorated: number | null;
  recovered: number | null;
  /** Mean change in the instrument's units, positive = better; null when suppressed. */
  meanChange: number | null;
  /** Sample standard deviation of the change; null when suppressed or n < 2. */
  sdChange: number | null;
  suppressed: boolean;
}

/** The answer: the snapped window it covers and the cells, never a row about a person. */
export interface Statistics {
  instrumentKey: string;
  from: string;
  to: string;
  period: StatisticsPeriod;
  groupBy: StatisticsDimension[];
  minCellSize: number;
  cells: StatisticsCell[];
}
