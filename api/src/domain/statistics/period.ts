import { addDays, addMonths, startOfCopenhagenDay } from '../calendar.js';
import type { SnappedWindow, StatisticsPeriod } from './types.js';

const monthsIn: Record<StatisticsPeriod, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** First day (YYYY-MM-DD) of the calendar period that holds a date. */
function periodStart(date: string, period: StatisticsPeriod): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const month = m - 1 - ((m - 1) % monthsIn[period]);
  return `${y}-${String(month + 1).padStart(2, '0')}-01`;
}

/** A period's label: "2026-03", "2026-Q1" or "2026". */
export function periodLabel(start: string, period: StatisticsPeriod): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  if (period === 'MONTH') return start.slice(0, 7);
  if (period === 'YEAR') return String(y);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/**
 * Widens [from, to] (inclusive dates) to whole calendar periods: `from` back to the first day of
 * its period, `to` on to the last day of its period. Whole periods are what docs/statistics.md
 * asks for, so two overlapping queries cannot be subtracted to expose a few days' small group.
 * Periods are Copenhagen calendar periods: they start at 00:00 Europe/Copenhagen (docs/time.md).
 */
export function snapWindow(from: string, to: string, period: StatisticsPeriod): SnappedWindow {
  const first = periodStart(from, period);
  const next = addMonths(periodStart(to, period), monthsIn[period]);
  return {
    from: first,
    to: addDays(next, -1),
    startMs: startOfCopenhagenDay(first),
    endMs: startOfCopenhagenDay(next),
  };
}

/** Each whole period of a snapped window with the instant (epoch ms) it starts. */
export function periodsOf(
  window: SnappedWindow,
  period: StatisticsPeriod,
): { label: string; startMs: number }[] {
  const out: { label: string; startMs: number }[] = [];
  for (let start = window.from; start <= window.to; start = addMonths(start, monthsIn[period])) {
    out.push({ label: periodLabel(start, period), startMs: startOfCopenhagenDay(start) });
  }
  return out;
}

/**
 * SQLite expression labelling the Copenhagen period of an epoch-ms column inside a snapped
 * window: a CASE over the periods' first instants, because SQLite's own calendar is UTC (its
 * 'localtime' would follow the server's TZ, not the municipality's). The column name is ours,
 * never input; the boundaries are numbers we computed.
 */
export function periodLabelSql(column: string, period: StatisticsPeriod, window: SnappedWindow): string {
  const periods = periodsOf(window, period);
  const arms = periods
    .slice(1)
    .map((p, i) => `WHEN ${column} < ${p.startMs} THEN '${periods[i]?.label}'`)
    .join(' ');
  const last = periods[periods.length - 1]?.label ?? '';
  return arms ? `CASE ${arms} ELSE '${last}' END` : `'${last}'`;
}
