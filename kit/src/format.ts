import { getLocale, type Locale } from './i18n.js';

// Regional variants that give Danish conventions: decimal comma and day-month-year dates.
const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

// Building an Intl formatter costs far more than formatting with one (a chart of 40 sessions
// formats hundreds of dates and numbers in one render), so each distinct set of options gets one.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

// A page's first Intl formatter loads the browser's ICU data: 35–75 ms in one piece in Debian's
// Chromium 156 on the benchmark machine (BENCHMARKS.md), a long task when it falls inside a
// widget's first render. Loaded piece by piece, each in a task of its own, no piece takes more
// than about 30 ms, and the page pays it while it still waits for its widgets and data.
const icuWarmUp: ((tag: string, locale: Locale) => unknown)[] = [
  (tag) => new Intl.Locale(tag).maximize(),
  (tag) => Intl.NumberFormat.supportedLocalesOf([tag]),
  (_tag, locale) => numberFormat(locale).format(0),
  (_tag, locale) => dateFormat(locale, 'numeric', undefined).format(0),
  (tag) => new Intl.PluralRules(tag).select(1),
];

/**
 * Loads ICU's data for the active locale, one piece per `schedule`d task. Exported for its test;
 * kit starts it itself when it is loaded in a page.
 */
export function warmUpIcu(
  // A timer, not an idle callback: a loading page has few idle periods before its data comes.
  schedule: (task: () => void) => void = (task) => setTimeout(task, 0),
  step = 0,
): void {
  const run = icuWarmUp[step];
  if (!run) return;
  schedule(() => {
    const locale = getLocale();
    run(intlLocale[locale], locale);
    warmUpIcu(schedule, step + 1);
  });
}

if (typeof window !== 'undefined') warmUpIcu();

/** One shared `Intl.NumberFormat` per locale and options. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, style: DateStyle, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { ...dateStyles[style], timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

/** Options for {@link formatNumber}. */
export interface NumberFormatOptions {
  locale?: Locale;
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/** Formats a number in the active locale: 7.3 → "7,3" (da) / "7.3" (en). */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  const { locale = getLocale(), ...digits } = options;
  return numberFormat(locale, { maximumFractionDigits: 2, ...digits }).format(value);
}

/** A date as a `Date`, epoch milliseconds, or an ISO string ("2026-11-23" is a calendar day). */
export type DateInput = Date | number | string;

/** `numeric`: 23.11.2026 · `short`: 23. nov. 2026 · `long`: 23. november 2026 · `month`: november 2026. */
export type DateStyle = 'numeric' | 'short' | 'long' | 'month';

const dateStyles: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  numeric: { day: '2-digit', month: '2-digit', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
};

function toDate(input: DateInput): Date {
  // A bare ISO date is a calendar day, not UTC midnight (which shows as the day before west of UTC).
  const day = typeof input === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(input) : null;
  if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return input instanceof Date ? input : new Date(input);
}

/** Formats a date in the active locale, e.g. "23.11.2026" or "23. nov. 2026" in Danish. */
export function formatDate(
  input: DateInput,
  options: { style?: DateStyle; locale?: Locale; timeZone?: string } = {},
): string {
  const { style = 'numeric', locale = getLocale(), timeZone } = options;
  return dateFormat(locale, style, timeZone).format(toDate(input));
}

/** A calendar month "2026-03" as people read it: "marts 2026" (da) / "March 2026" (en). */
export function formatMonth(month: string, locale: Locale = getLocale()): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  // A month has no time of day: format its first day at UTC, in UTC.
  return dateFormat(locale, 'month', 'UTC').format(Date.UTC(year, number - 1, 1));
}

/** Øre as whole kroner for people to read: −12.345 kr.; the amounts themselves stay in øre. */
export function formatKroner(ore: number, locale: Locale = getLocale()): string {
  const whole = Math.round(Math.abs(ore) / 100);
  return `${ore < 0 ? '−' : ''}${numberFormat(locale).format(whole)} kr.`;
}
