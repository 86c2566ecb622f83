import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.js';
import { type CostUnit, costOfDays, costUnits, dayIndex } from './accrual.js';

const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1995-01-01', n));
const unit = fc.constantFrom<CostUnit>(...costUnits);
const rate = fc.integer({ min: 0, max: 100_000_000 * 1_000 });

describe('costOfDays', () => {
  it('prorates a month per Copenhagen calendar day and rounds down only once', () => {
    // docs/economy.md: 1–29 March 2026 of 1,230,000 a month.
    expect(costOfDays('MONTH', 1_230_000, '2026-03-01', '2026-03-30')).toBe(1_150_645);
    expect(costOfDays('MONTH', 1_230_000, '2026-03-30', '2026-04-01')).toBe(1_230_000 - 1_150_645);
  });

  it('charges whole weeks, whole months and placement days exactly', () => {
    expect(costOfDays('WEEK', 300_000, '2026-01-07', '2026-01-21')).toBe(600_000);
    expect(costOfDays('HOUR', 90_000, '2025-03-03', '2025-12-01')).toBe(39 * 90_000);
    expect(costOfDays('MONTH', 1_200_000, '2024-02-01', '2024-03-01')).toBe(1_200_000);
    expect(costOfDays('PLACEMENT_DAY', 150_000, '2025-10-01', '2026-01-01')).toBe(92 * 150_000);
  });

  it('counts a daylight-saving day as one day', () => {
    // Copenhagen's clocks go forward on 29 March 2026 (a 23-hour day).
    expect(costOfDays('PLACEMENT_DAY', 100, '2026-03-29', '2026-03-30')).toBe(100);
    expect(dayIndex('2026-03-30') - dayIndex('2026-03-29')).toBe(1);
  });

  it('adds up exactly over adjacent periods', () => {
    fc.assert(
      fc.property(unit, rate, day, day, day, (u, r, a, b, c) => {
        const [x, y, z] = [a, b, c].sort();
        return (
          costOfDays(u, r, x as string, y as string) + costOfDays(u, r, y as string, z as string) ===
          costOfDays(u, r, x as string, z as string)
        );
      }),
    );
  });

  it('stays within one øre of the exact amount and is never negative', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CostUnit>('HOUR', 'WEEK', 'PLACEMENT_DAY'),
        rate,
        day,
        fc.integer({ min: 0, max: 4_000 }),
        (u, r, from, days) => {
          const cost = costOfDays(u, r, from, addDays(from, days));
          const exact = u === 'PLACEMENT_DAY' ? r * days : (r * days) / 7;
          return cost >= 0 && Math.abs(cost - exact) < 1 + exact * 1e-12;
        },
      ),
    );
  });
});
