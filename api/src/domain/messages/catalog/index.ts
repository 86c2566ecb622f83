import { ar } from './ar.js';
import type { MessageCatalog } from './catalog.js';
import { da } from './da.js';
import { en } from './en.js';
import { uk } from './uk.js';

export type { MessageCatalog } from './catalog.js';

/**
 * The server's message catalogs, by language code. Adding a language is one file beside these
 * (our own wording; no licensed instrument text) and its line here.
 */
const catalogs: Readonly<Record<string, MessageCatalog>> = { da, en, ar, uk };

export const messageLanguages = Object.keys(catalogs);

/** The catalog for a language; Danish, the municipality's language, for any other. */
export function catalogFor(language: string): MessageCatalog {
  return catalogs[language] ?? da;
}
