/**
 * mfe-progress: FIT-style session feedback and progression. Importing this module defines the
 * elements (once) and exports single-spa lifecycles: the default application (the instrument
 * catalogue) and one parcel config per element.
 */
export { HelhedInstrumentCatalog, type InstrumentSummary } from './instrument-catalog.js';
export {
  bootstrap,
  mount,
  progressChartParcel,
  sessionFeedbackParcel,
  unmount,
  update,
} from './lifecycles.js';
export { HelhedProgressChart, type ProgressSeries } from './progress-chart.js';
export {
  type ErrorDetail,
  type FormInstrument,
  HelhedSessionFeedback,
  type PendingDetail,
  type RecordedDetail,
} from './session-feedback.js';
