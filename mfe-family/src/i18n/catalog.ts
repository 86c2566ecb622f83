import type { messages } from './catalogs/da.js';

/** The key of a family-page message; the Danish catalog defines the keys every other must give. */
export type MessageKey = keyof typeof messages;

/** One language of the family pages: one file per language (see catalogs/). */
export interface Catalog {
  /** The BCP 47 language code, as the API's `Language` enum spells it. */
  code: string;
  /** The language's own name, as the picker shows it ("العربية", not "Arabic"). */
  name: string;
  /** Writing direction: Arabic reads right to left and the layout mirrors. */
  dir: 'ltr' | 'rtl';
  /** The Intl locale for dates and numbers (e.g. Danish decimal comma). */
  intl: string;
  /** Every message, with `{name}` placeholders. */
  messages: Record<MessageKey, string>;
}
