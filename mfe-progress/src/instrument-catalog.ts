import { createGraphQLClient, formatNumber, HelhedApiError, LocaleController } from '@helhed/kit';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { t } from './instrument-catalog.messages.js';
import { styles } from './instrument-catalog.styles.js';

/** The fields of the public contract's `Instruments` operation this element shows. */
export interface InstrumentSummary {
  key: string;
  version: number;
  kind: string;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  min: number;
  max: number;
  name: string;
  items: { key: string; label: string }[];
}

const INSTRUMENTS = /* GraphQL */ `
  query Instruments($lang: Language) {
    instruments { key version kind direction min max name(lang: $lang) items { key label(lang: $lang) } }
  }
`;

type Load =
  | { status: 'loading' }
  | { status: 'ready'; instruments: InstrumentSummary[] }
  | { status: 'error'; message: string };

/**
 * @summary The instruments a municipality uses (built-in and its own licensed packs), with
 * their questions in the reader's language.
 *
 * @event helhed-load - The instruments arrived; `detail.count` says how many.
 * @event helhed-error - Loading failed; `detail.code` is the API's stable error code.
 * @csspart list - The list of instruments.
 */
export class HelhedInstrumentCatalog extends LitElement {
  static override styles = styles;

  /** The GraphQL endpoint. */
  @property() api = '/graphql';
  /** A bearer token; prefer {@link tokenProvider} when tokens expire. */
  @property({ attribute: false }) token?: string;
  /** Called before each request for a fresh bearer token. */
  @property({ attribute: false }) tokenProvider?: () => Promise<string> | string;

  @state() private load: Load = { status: 'loading' };
  private readonly localeController = new LocaleController(this);
  private loadedFor = '';

  protected override willUpdate(): void {
    const key = `${this.api}|${this.localeController.locale}|${this.token ?? ''}|${this.tokenProvider ? 'p' : ''}`;
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      void this.fetchInstruments();
    }
  }

  /** Loads the instruments again, e.g. after the token changed. */
  async fetchInstruments(): Promise<void> {
    this.load = { status: 'loading' };
    const client = createGraphQLClient({
      endpoint: this.api,
      token: this.token,
      tokenProvider: this.tokenProvider,
    });
    try {
      const data = await client.request<{ instruments: InstrumentSummary[] }>(INSTRUMENTS, {
        lang: this.localeController.locale,
      });
      this.load = { status: 'ready', instruments: data.instruments };
      this.dispatchEvent(
        new CustomEvent('helhed-load', {
          detail: { count: data.instruments.length },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      const code = error instanceof HelhedApiError ? error.code : 'UNKNOWN';
      this.load = { status: 'error', message: (error as Error).message };
      this.dispatchEvent(
        new CustomEvent('helhed-error', { detail: { code }, bubbles: true, composed: true }),
      );
    }
  }

  protected override render() {
    const locale = this.localeController.locale;
    return html`<section aria-labelledby="heading" aria-busy=${this.load.status === 'loading'}>
      <h2 id="heading">${t('heading', undefined, locale)}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const locale = this.localeController.locale;
    switch (this.load.status) {
      case 'loading':
        return html`<p role="status">${t('loading', undefined, locale)}</p>`;
      case 'error':
        return html`<p role="alert">${t('error', { message: this.load.message }, locale)}</p>
          <button type="button" @click=${() => this.fetchInstruments()}>${t('retry', undefined, locale)}</button>`;
      case 'ready':
        if (this.load.instruments.length === 0) return html`<p>${t('empty', undefined, locale)}</p>`;
        return html`<ul class="instruments" part="list">
          ${this.load.instruments.map((i) => this.renderInstrument(i))}
        </ul>`;
    }
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
