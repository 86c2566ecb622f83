import { html, type TemplateResult } from 'lit';
import { type ErrorCatalog, reasonFor } from './error-catalog.js';
import type { Locale, Translate } from './i18n.js';
import type { LoadRenderers } from './load-controller.js';

/** The keys {@link loadFeedback} reads from a widget's catalog; `error` may use `{reason}` and `{code}`. */
export type LoadFeedbackKey = 'loading' | 'error' | 'retry';

/**
 * What a view shows while its data loads and when loading failed, the same in every widget: a
 * status line, then an alert with a button that loads again, worded by the widget's own catalog
 * (`errors` says more than kit's sentences). Spread into `LoadController.render`.
 */
export function loadFeedback(
  t: Translate<LoadFeedbackKey>,
  locale: Locale,
  reload: () => unknown,
  errors?: Partial<ErrorCatalog>,
): Pick<LoadRenderers<unknown, TemplateResult>, 'loading' | 'error'> {
  return {
    loading: () => html`<p role="status">${t('loading', undefined, locale)}</p>`,
    error: (failure) => {
      const reason = reasonFor(failure, locale, errors);
      return html`<p role="alert">${t('error', { reason, code: failure.code }, locale)}</p>
        <button type="button" @click=${reload}>${t('retry', undefined, locale)}</button>`;
    },
  };
}
