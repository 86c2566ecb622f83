import { defineOnce, defineRatingLine } from '@helhed/kit';
import { HelhedInstrumentCatalog } from './instrument-catalog.js';
import { HelhedProgressChart } from './progress-chart.js';
import { HelhedSessionFeedback } from './session-feedback.js';

/** Defines every element of mfe-progress once, however often the module is loaded. */
export function defineProgressElements(): void {
  defineRatingLine();
  defineOnce('helhed-instrument-catalog', HelhedInstrumentCatalog);
  defineOnce('helhed-session-feedback', HelhedSessionFeedback);
  defineOnce('helhed-progress-chart', HelhedProgressChart);
}
