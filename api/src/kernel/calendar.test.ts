import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, copenhagenDate, copenhagenYear, startOfCopenhagenDay } from './calendar.js';

const HOUR = 3_600_000;

describe('the Copenhagen calendar', () => {
  it('dates an instant by Copenhagen time, not UTC', () => {
    expect(copenhagenDate(new Date('2026-03-31T21:30:00Z'))).toBe('2026-03-31'); // 23:30 CEST
    expect(copenhagenDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01'); // 00:30 CEST
    expect(copenhagenDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // New Year, CET
    expect(copenhagenYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(copenhagenYear(Date.parse('2026-12-31T22:59:59Z'))).toBe(2026);
  });

  it('finds midnight on both sides of each daylight-saving change', () => {
    expect(new Date(startOfCopenhagenDay('2026-03-29')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(startOfCopenhagenDay('2026-03-30')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(startOfCopenhagenDay('2026-10-25')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(startOfCopenhagenDay('2026-10-26')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('has a 23-hour day in spring and a 25-hour day in autumn', () => {
    const length = (d: string) => (startOfCopenhagenDay(addDays(d, 1)) - startOfCopenhagenDay(d)) / HOUR;
    expect(length('2026-03-29')).toBe(23);
    expect(length('2026-10-25')).toBe(25);
    expect(length('2026-06-15')).toBe(24);
  });

  it('moves dates by days and months across year ends and short months', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('dates every instant of a day as that day (property, 1990–2100)', () => {
    const day = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.double({ min: 0, max: 1, noNaN: true }), (date, fraction) => {
        const start = startOfCopenhagenDay(date);
        const end = startOfCopenhagenDay(addDays(date, 1));
        const inside = start + Math.floor(fraction * (end - start - 1));
        return (
          copenhagenDate(start) === date &&
          copenhagenDate(inside) === date &&
          copenhagenDate(end - 1) === date &&
          copenhagenDate(end) === addDays(date, 1)
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('copenhagenDate remembers dates per hour', () => {
  const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', dateStyle: 'short' });
  // The switches to and from summer time, and midnight in both offsets: the edges an hour-keyed
  // memory could get wrong if the offset changed inside an hour.
  const edges = [
    Date.UTC(2026, 2, 29, 1),
    Date.UTC(2026, 9, 25, 1),
    Date.UTC(2026, 0, 14, 23),
    Date.UTC(2026, 6, 14, 22),
  ].flatMap((t) => [t - 1, t, t + 1, t + 1_800_000]);

  it('answers what a fresh formatter answers, asked twice, at the edges and anywhere', () => {
    for (const t of edges) {
      expect(copenhagenDate(t)).toBe(fresh.format(t));
      expect(copenhagenDate(new Date(t))).toBe(fresh.format(t));
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        expect(copenhagenDate(t)).toBe(fresh.format(t));
        expect(copenhagenDate(t + 59 * 60_000)).toBe(fresh.format(t + 59 * 60_000));
      }),
      { numRuns: 2000 },
    );
  });

  it('still refuses an invalid instant', () => {
    expect(() => copenhagenDate(Number.NaN)).toThrow(RangeError);
  });
});
