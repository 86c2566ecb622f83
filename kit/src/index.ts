export { afterNextPaint } from './after-paint.js';
export { HelhedApiElement } from './api-element.js';
export {
  type ApiConnection,
  claimsOf,
  clientFor,
  emit,
  errorCode,
  type Failure,
  failureOf,
  subjectOf,
  tokenOf,
  type ViewClaims,
} from './connection.js';
export { focusRing, outlinedButtons, touchButtons } from './controls.styles.js';
export { defineOnce } from './define.js';
export { type DepartmentKindName, departmentKindWords } from './department-kinds.messages.js';
export { type ErrorCatalog, errorCatalog, filterErrors, reasonFor } from './error-catalog.js';
export {
  type DateInput,
  type DateStyle,
  formatDate,
  formatKroner,
  formatMonth,
  formatNumber,
  type NumberFormatOptions,
  numberFormat,
} from './format.js';
export {
  createGraphQLClient,
  type GraphQLClient,
  type GraphQLClientOptions,
  type GraphQLErrorEntry,
  HelhedApiError,
  type RequestOptions,
  type TypedOperation,
} from './graphql-client.js';
export {
  readServerSentEvents,
  type Subscription,
  type SubscriptionOptions,
  subscribe,
} from './graphql-subscription.js';
export {
  type Catalogs,
  createTranslator,
  defaultLocale,
  getLocale,
  interpolate,
  LOCALE_CHANGE_EVENT,
  type Locale,
  LocaleController,
  locales,
  type MessageParams,
  setLocale,
  type Translate,
  toLocale,
} from './i18n.js';
export {
  createElementLifecycles,
  type ElementLifecycleOptions,
  type ElementLifecycles,
  type LifecycleFn,
  type LifecycleProps,
} from './lifecycles.js';
export { LoadController, type LoadOptions, type LoadRenderers, type LoadState } from './load-controller.js';
export { type LoadFeedbackKey, loadFeedback } from './load-feedback.js';
export { type LoadSectionOptions, loadSection } from './load-section.js';
export {
  createOfflineQueue,
  isRetryableError,
  newIdempotencyKey,
  OfflineQueue,
  type OfflineQueueOptions,
  type QueuedMutation,
  type QueueErrorDetail,
  type QueuePendingDetail,
  type QueueRecordedDetail,
  type SendOutcome,
} from './offline-queue.js';
export {
  defineRatingLine,
  HelhedRatingLine,
  type RatingValueDetail,
  type RatingValueEvent,
} from './rating-line.js';
export { type TokenName, tokenDefaults, tokens } from './tokens.js';
export { blockHost, documentText, viewText } from './view.styles.js';
