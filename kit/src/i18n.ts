import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { numberFormat } from './format.js';

/** Locales every Helhed widget ships. Danish is the default. */
export type Locale = 'da' | 'en';
export const locales: readonly Locale[] = ['da', 'en'];
export const defaultLocale: Locale = 'da';

/** Dispatched on `window` when the active locale changes; every widget re-renders. */
export const LOCALE_CHANGE_EVENT = 'helhed-locale-change';

/** Interpolation values; numbers are formatted in the target locale (7.3 → "7,3" in Danish). */
export type MessageParams = Record<string, string | number>;

/** Messages for every locale; the Danish catalog defines the keys the others must provide. */
export type Catalogs<K extends string> = { da: Record<K, string> } & {
  [L in Exclude<Locale, 'da'>]: Record<K, string>;
};

/** Translates `key`, replacing `{name}` with `params.name`; `locale` defaults to {@link getLocale}. */
export type Translate<K extends string> = (key: K, params?: MessageParams, locale?: Locale) => string;

// On globalThis, not in module scope: several widgets may each bundle their own copy of kit.
const STATE_KEY = Symbol.for('helhed.locale');
type LocaleState = { explicit: Locale | null; observer?: MutationObserver };
const shared = globalThis as { [STATE_KEY]?: LocaleState };
shared[STATE_KEY] ??= { explicit: null };
const state: LocaleState = shared[STATE_KEY];

/** Maps a BCP 47 tag to a supported locale ("da-DK" → "da"), or `undefined` when unsupported. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return locales.find((l) => l === language);
}

function elementLang(element: Element): Locale | undefined {
  const root = element.ownerDocument.documentElement;
  let node: Element | null = element;
  while (node && node !== root) {
    const lang = toLocale(node.getAttribute('lang'));
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

/**
 * The active locale. Resolution: the nearest supported `lang` attribute on `element` or its
 * ancestors (crossing shadow roots, stopping below `<html>`) → {@link setLocale} →
 * `<html lang>` → Danish.
 */
export function getLocale(element?: Element): Locale {
  return (
    (element && elementLang(element)) ??
    state.explicit ??
    toLocale(globalThis.document?.documentElement.lang) ??
    defaultLocale
  );
}

/** Sets (or with `null` clears) the page-wide locale and tells every widget to re-render. */
export function setLocale(locale: Locale | null): void {
  state.explicit = locale;
  dispatchLocaleChange();
}

function dispatchLocaleChange(): void {
  window.dispatchEvent(new CustomEvent(LOCALE_CHANGE_EVENT, { detail: { locale: getLocale() } }));
}

/** One observer per page turns a change of `<html lang>` into a locale-change event. */
function observeDocumentLang(): void {
  if (state.observer || typeof MutationObserver === 'undefined') return;
  state.observer = new MutationObserver(dispatchLocaleChange);
  state.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/** Creates a typed translator over one catalog per locale. */
export function createTranslator<K extends string>(catalogs: Catalogs<K>): Translate<K> {
  return (key, params, locale = getLocale()) => {
    const template = catalogs[locale][key] ?? catalogs.da[key] ?? key;
    return params ? interpolate(template, params, locale) : template;
  };
}

/** Replaces `{name}` in `template` with `params.name`, numbers formatted in `locale`. */
export function interpolate(template: string, params: MessageParams, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    // The shared formatter: building one per message cost ~20 ms of every widget's first render.
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

/**
 * Re-renders its host when the locale changes: {@link setLocale}, `<html lang>` or the host's
 * own `lang` attribute. Read {@link LocaleController.locale} while rendering.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private observer?: MutationObserver;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  /** The locale resolved for the host element. */
  get locale(): Locale {
    return getLocale(this.host);
  }

  hostConnected(): void {
    observeDocumentLang();
    window.addEventListener(LOCALE_CHANGE_EVENT, this.onChange);
    this.observer = new MutationObserver(this.onChange);
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_CHANGE_EVENT, this.onChange);
    this.observer?.disconnect();
  }
}
