import type { Locale } from '@helhed/kit';
import type { TableModel } from './statistics.table.js';

/**
 * The separator per locale. Danish numbers have a decimal comma, and Danish Excel opens
 * semicolon-separated files directly, so Danish CSV uses `;`; English uses `,` and decimal points.
 */
export const csvSeparator: Record<Locale, string> = { da: ';', en: ',' };

// A spreadsheet runs a cell that starts with one of these as a formula; group names are tenant
// data (an intervention type could be typed as "=HYPERLINK(…)"), so they are defused.
const formulaStart = /^[=+\-@\t\r]/;

function field(value: string, separator: string, isText: boolean): string {
  const safe = isText && formulaStart.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/**
 * The table as CSV (RFC 4180: CRLF line ends, quotes doubled): the header row, then exactly the
 * strings of the table's cells, suppressed cells with the same word as on screen. Starts with a
 * byte order mark so Excel reads æ, ø and å as UTF-8.
 */
export function toCsv(model: TableModel, locale: Locale): string {
  const separator = csvSeparator[locale];
  const line = (cells: string[], textColumns: number) =>
    cells.map((c, i) => field(c, separator, i < textColumns)).join(separator);
  const lines = [
    line(model.head, model.head.length),
    ...model.rows.map((r) => line(r.cells, model.keyColumns)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
