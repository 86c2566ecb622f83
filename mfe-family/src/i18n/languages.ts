import type { Catalog, MessageKey } from './catalog.js';
import { da } from './catalogs/da.js';
import { catalogs } from './catalogs.generated.js';

export type { Catalog, MessageKey } from './catalog.js';

/**
 * Every language of the family pages. Adding a language is one file in ./catalogs/ (the type
 * checker refuses a catalog that misses a message); the build lists it (catalogs.mjs).
 */
export { catalogs };

/** Danish, when nothing else is asked for. */
export const defaultCatalog: Catalog = da;

/** The catalog for a BCP 47 tag ("ar-SY" → Arabic), or undefined when the language is not offered. */
export function catalogFor(tag: string | null | undefined): Catalog | undefined {
  const code = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return catalogs.find((c) => c.code === code);
}

/**
 * The language a family element speaks: its own `lang` attribute, else the nearest ancestor's
 * (crossing shadow roots), else `<html lang>`, else Danish.
 */
export function languageOf(element: Element): Catalog {
  let node: Element | null = element;
  while (node) {
    const found = catalogFor(node.getAttribute('lang'));
    if (found) return found;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return defaultCatalog;
}

/** Parameters of a message; numbers are formatted in the catalog's locale (7.5 → "7,5" in Danish). */
export type MessageParams = Record<string, string | number>;

/** The message `key` in `catalog`, Danish when a catalog lacks it, with `{name}` filled in. */
export function translate(catalog: Catalog, key: MessageKey, params?: MessageParams): string {
  const template = catalog.messages[key] ?? da.messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? formatNumber(catalog, value) : value;
  });
}

// One formatter per language and kind: building an Intl formatter costs far more than using one.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatterOf<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let found = formatters.get(key) as F | undefined;
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** A number with at most two decimals in the catalog's locale. */
export function formatNumber(catalog: Catalog, value: number): string {
  return formatterOf(
    `number|${catalog.intl}`,
    () => new Intl.NumberFormat(catalog.intl, { maximumFractionDigits: 2 }),
  ).format(value);
}

/** Date and time as families read them: always Copenhagen's clock, wherever the phone is. */
export function formatDateTime(catalog: Catalog, iso: string, withTime = true): string {
  return formatterOf(
    `date|${catalog.intl}|${withTime}`,
    () =>
      new Intl.DateTimeFormat(catalog.intl, {
        dateStyle: 'medium',
        ...(withTime ? { timeStyle: 'short' } : {}),
        timeZone: 'Europe/Copenhagen',
      }),
  ).format(new Date(iso));
}

/** The API's `Language` for instrument wording: it has Danish and English wording only. */
export const instrumentLanguage = (catalog: Catalog): 'da' | 'en' => (catalog.code === 'da' ? 'da' : 'en');
