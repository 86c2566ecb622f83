import {
  clientFor,
  emit,
  formatNumber,
  HelhedApiElement,
  LoadController,
  LocaleController,
  loadFeedback,
  loadSection,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { graphql } from './gql/gql.js';
import type { InstrumentsQuery } from './gql/graphql.js';
import { t } from './instrument-catalog.messages.js';
import { styles } from './instrument-catalog.styles.js';

const INSTRUMENTS = graphql(`
  query Instruments($lang: Language) {
    instruments { key version kind direction min max name(lang: $lang) items { key label(lang: $lang) } }
  }
`);

/** The fields of the public contract's `Instruments` operation this element shows. */
export type InstrumentSummary = InstrumentsQuery['instruments'][number];

/**
 * @summary The instruments a municipality uses (built-in and its own licensed packs), with
 * their questions in the reader's language.
 *
 * @event helhed-load - The instruments arrived; `detail.count` says how many.
 * @event helhed-error - Loading failed; `detail.code` is the API's stable error code.
 * @csspart list - The list of instruments.
 */
export class HelhedInstrumentCatalog extends HelhedApiElement {
  static override styles = styles;

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () => [this.localeController.locale, this.connection] as const,
    task: async ([lang], signal) =>
      (await clientFor(this).request(INSTRUMENTS, { lang }, { signal })).instruments,
    onReady: (instruments) => emit(this, 'helhed-load', { count: instruments.length }),
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
  });

  /** Loads the instruments again, e.g. after the token changed. */
  fetchInstruments(): Promise<void> {
    return this.load.run();
  }

  protected override render() {
    const locale = this.localeController.locale;
    return loadSection(this.load, {
      labelledBy: 'heading',
      heading: html`<h2 id="heading">${t('heading', undefined, locale)}</h2>`,
      ...loadFeedback(t, locale, () => this.fetchInstruments()),
      ready: (instruments) =>
        instruments.length === 0
          ? html`<p>${t('empty', undefined, locale)}</p>`
          : html`<ul class="instruments" part="list">${instruments.map((i) => this.renderInstrument(i))}</ul>`,
    });
  }

  private renderInstrument(instrument: InstrumentSummary) {
    const locale = this.localeController.locale;
    const scale = t(
      'scale',
      { min: formatNumber(instrument.min, { locale }), max: formatNumber(instrument.max, { locale }) },
      locale,
    );
    const direction = t(instrument.direction === 'HIGHER_IS_BETTER' ? 'higher' : 'lower', undefined, locale);
    return html`<li class="instrument" data-key=${instrument.key}>
      <h3>${instrument.name}</h3>
      <p class="meta">${scale} · ${direction}</p>
      ${
        instrument.items.length > 1
          ? html`<ol aria-label=${t('items', undefined, locale)}>
            ${instrument.items.map((item) => html`<li>${item.label}</li>`)}
          </ol>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-instrument-catalog': HelhedInstrumentCatalog;
  }
}
