/**
 * The municipality's calendar: Europe/Copenhagen, not UTC. "Today", consent and meeting dates,
 * "active" interventions and statistics periods are all Copenhagen calendar days (docs/time.md).
 * Pure: instants in, calendar dates (YYYY-MM-DD) out, so the API and widgets share it.
 */
export const CALENDAR_TIME_ZONE = 'Europe/Copenhagen';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CALENDAR_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: CALENDAR_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const HOUR_MS = 3_600_000;
/**
 * Copenhagen's offset from UTC only ever changes on a whole UTC hour, so an instant's date is
 * its hour's: formatting is the slow part when a caseload or statistics read dates thousands of
 * instants, and most of them share hours.
 */
const dateOfHour = new Map<number, string>();

/** The Copenhagen calendar date (YYYY-MM-DD) of an instant. */
export function copenhagenDate(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const hour = Math.floor(ms / HOUR_MS);
  let date = dateOfHour.get(hour);
  if (date === undefined) {
    date = dayFormat.format(new Date(ms)); // an invalid instant throws here, as before
    if (dateOfHour.size >= 50_000) dateOfHour.clear();
    dateOfHour.set(hour, date);
  }
  return date;
}

/** Copenhagen's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  const parts = Object.fromEntries(
    offsetFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value] as const),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - (ms - (ms % 1000));
}

/** Epoch ms of midnight (00:00 Copenhagen time) at the start of a YYYY-MM-DD date. */
export function startOfCopenhagenDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d);
  // Midnight is never inside a DST gap in Copenhagen (changes happen at 02:00/03:00), so one
  // correction with the offset a few hours earlier, then a check, finds the instant.
  const guess = wallMidnight - offsetAt(wallMidnight - 3 * 3_600_000);
  const exact = wallMidnight - offsetAt(guess);
  return exact;
}

/** A YYYY-MM-DD date moved by whole calendar days (DST does not matter for dates). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date moved by whole calendar months, clamped to the target month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The Copenhagen calendar year of an instant (New Year's Eve 23:30 UTC is already next year). */
export function copenhagenYear(at: Date | number): number {
  return Number(copenhagenDate(at).slice(0, 4));
}

/** Today's Copenhagen date for a clock. */
export const todayIn = (now: () => Date): string => copenhagenDate(now());
