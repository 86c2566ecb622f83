import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringInputError } from './errors.js';
import { gasTScore } from './gas.js';

describe('gasTScore', () => {
  it('gives 62.40 for two goals at +1 with weight 1', () => {
    // 50 + 10·2 / √(0.7·2 + 0.3·4) = 50 + 20 / √2.6
    expect(gasTScore([{ level: 1 }, { level: 1 }])?.toFixed(2)).toBe('62.40');
  });

  it('gives exactly 50 when every goal is met as expected', () => {
    expect(gasTScore([{ level: 0 }, { level: 0, weight: 3 }])).toBe(50);
  });

  it('weights goals: one goal at −2 with weight 2 and one at +1', () => {
    // Σwx = −3, Σw² = 5, (Σw)² = 9 → 50 − 30 / √(3.5 + 2.7) = 50 − 30 / √6.2
    expect(gasTScore([{ level: -2, weight: 2 }, { level: 1 }])).toBeCloseTo(50 - 30 / Math.sqrt(6.2), 10);
  });

  it('is null for a plan without GAS goals', () => {
    expect(gasTScore([])).toBeNull();
  });

  it('refuses weights that are not positive and levels off the −2…+2 scale', () => {
    expect(() => gasTScore([{ level: 1, weight: 0 }])).toThrow(ScoringInputError);
    expect(() => gasTScore([{ level: 3 }])).toThrow(/outside −2…\+2/);
  });

  it('takes the mean level of a goal rated by several roles (parent +1, professional 0 → +0.5)', () => {
    // T = 50 + 10·0.5 / √(0.7·1 + 0.3·1) = 55.
    expect(gasTScore([{ level: 0.5 }])).toBeCloseTo(55, 10);
    expect(gasTScore([{ level: -2 / 3 }])).toBeCloseTo(50 - 20 / 3, 10);
  });

  it('rises when every level rises by the same amount', () => {
    const goal = fc.record({
      level: fc.integer({ min: -2, max: 1 }),
      weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(goal, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        (goals, lift) => {
          const room = 2 - Math.max(...goals.map((g) => g.level));
          const step = Math.min(lift, room);
          const before = gasTScore(goals) ?? Number.NaN;
          const after = gasTScore(goals.map((g) => ({ ...g, level: g.level + step }))) ?? Number.NaN;
          expect(after).toBeGreaterThan(before);
        },
      ),
    );
  });
});
