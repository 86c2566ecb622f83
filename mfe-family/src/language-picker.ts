import { html, type TemplateResult } from 'lit';
import { type Catalog, catalogs, translate } from './i18n/languages.js';

/**
 * The language picker: each language by its own name (and marked with its own `lang`, so a
 * screen reader says "العربية" in Arabic). `onPick` gets the chosen code.
 */
export function languagePicker(current: Catalog, onPick: (code: string) => void): TemplateResult {
  return html`<label class="field language"
    >${translate(current, 'languageLabel')}
    <select
      @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}
    >
      ${catalogs.map(
        (c) =>
          html`<option value=${c.code} lang=${c.code} ?selected=${c.code === current.code}>${c.name}</option>`,
      )}
    </select></label
  >`;
}

/**
 * Keeps an element's `dir` in step with its language and re-renders it when its own or the
 * page's `lang` changes.
 */
export class LanguageObserver {
  private readonly observers: MutationObserver[] = [];

  constructor(private readonly host: HTMLElement & { requestUpdate(): void }) {}

  connect(): void {
    const watch = (target: Element) => {
      const o = new MutationObserver(() => this.host.requestUpdate());
      o.observe(target, { attributes: true, attributeFilter: ['lang'] });
      this.observers.push(o);
    };
    watch(this.host);
    watch(document.documentElement);
  }

  disconnect(): void {
    for (const o of this.observers.splice(0)) o.disconnect();
  }
}
