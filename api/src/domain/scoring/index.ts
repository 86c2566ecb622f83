/**
 * The single source of truth for Helhed's numbers (docs/design.md §4): totals, normalising, reliable
 * change, recovery, alerts, goal spread, GAS and divergence. Pure — no Node APIs, no I/O — so the
 * API, the kit and the widgets all run the same code. Values and totals are integer tenths.
 */
export { type Alert, type AlertColour, type AlertReason, outcomeAlert, progressAlert } from './alert.js';
export { type AllianceRating, allianceAlert } from './alliance.js';
export { type Classification, classifyChange, directedChange, isRecovered } from './classification.js';
export { ageBandCutoff } from './cutoff.js';
export { type DepartmentSeries, detectDivergence } from './divergence.js';
export { ScoringInputError, type ScoringInputErrorCode } from './errors.js';
export { DEFAULT_GAS_RHO, type GasGoal, gasTScore } from './gas.js';
export { type GoalLatest, type GoalRating, goalLatest, goalProgress } from './goal.js';
export { normalise } from './normalise.js';
export {
  type AllianceRules,
  type CutoffRule,
  DEFAULT_SPREAD_FLAG,
  type InstrumentOverrides,
  instrumentOverridesSchema,
  type OutcomeAlertRules,
  resolveRules,
  resolveSpreadFlag,
  type ScoringRules,
  type TenantOverrides,
  tenantOverridesSchema,
} from './rules.js';
export {
  type AnalysedPoint,
  analyseSeries,
  type SeriesAnalysis,
  type SeriesOptions,
  type SeriesPoint,
} from './series.js';
export { itemRange, type MeasurementScore, scoreMeasurement, type TenthsRange, totalRange } from './total.js';
export { fromTenths, isWholeTenths, toTenths } from './units.js';
