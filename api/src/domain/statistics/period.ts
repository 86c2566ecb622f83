import type { SnappedWindow, StatisticsPeriod } from './types.js';

const DAY = 86_400_000;
const monthsIn: Record<StatisticsPeriod, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Epoch ms of 00:00 UTC on a YYYY-MM-DD date. */
function dayStart(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/**
 * Widens [from, to] (inclusive dates) to whole calendar periods: `from` back to the first day of
 * its period, `to` on to the last day of its period. Whole periods are what DESIGN.md §4 asks
 * for, so two overlapping queries cannot be subtracted to expose a few days' small group.
 * Periods are UTC calendar periods.
 */
export function snapWindow(from: string, to: string, period: StatisticsPeriod): SnappedWindow {
  const span = monthsIn[period];
  const start = new Date(dayStart(from));
  const startMonth = start.getUTCMonth() - (start.getUTCMonth() % span);
  const startMs = Date.UTC(start.getUTCFullYear(), startMonth, 1);
  const end = new Date(dayStart(to));
  const endMonth = end.getUTCMonth() - (end.getUTCMonth() % span) + span;
  const endMs = Date.UTC(end.getUTCFullYear(), endMonth, 1);
  return { from: isoDate(startMs), to: isoDate(endMs - DAY), startMs, endMs };
}

/**
 * SQLite expression labelling the period of an epoch-ms column: "2026-03", "2026-Q1" or "2026".
 * The column name is ours, never input.
 */
export function periodLabelSql(column: string, period: StatisticsPeriod): string {
  const at = `${column} / 1000, 'unixepoch'`;
  if (period === 'MONTH') return `strftime('%Y-%m', ${at})`;
  if (period === 'YEAR') return `strftime('%Y', ${at})`;
  return `strftime('%Y', ${at}) || '-Q' || ((CAST(strftime('%m', ${at}) AS INTEGER) + 2) / 3)`;
}
