import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalLatest, goalProgress } from './goal.js';

describe('goalLatest', () => {
  it('averages parent 4 and professional 8 to 6.0 with a flagged spread of 4', () => {
    const result = goalLatest([
      { raterRole: 'parent', value: 40, occurredAt: '2025-03-01T10:00:00Z' },
      { raterRole: 'professional', value: 80, occurredAt: '2025-03-01T10:05:00Z' },
    ]);
    expect(result).toEqual({
      latest: 60,
      spread: 40,
      flagged: true,
      byRole: { parent: 40, professional: 80 },
    });
  });

  it("uses only each role's latest rating", () => {
    const result = goalLatest([
      { raterRole: 'parent', value: 70, occurredAt: '2025-04-01T10:00:00Z' },
      { raterRole: 'parent', value: 20, occurredAt: '2025-03-01T10:00:00Z' },
      { raterRole: 'child', value: 60, occurredAt: '2025-03-15T10:00:00Z' },
    ]);
    expect(result).toEqual({ latest: 65, spread: 10, flagged: false, byRole: { parent: 70, child: 60 } });
  });

  it('takes the later entry when one role rated twice at the same instant', () => {
    const at = '2025-03-01T10:00:00Z';
    const result = goalLatest([
      { raterRole: 'parent', value: 30, occurredAt: at },
      { raterRole: 'parent', value: 50, occurredAt: at },
    ]);
    expect(result.byRole).toEqual({ parent: 50 });
  });

  it('flags a spread of exactly the threshold, and follows a tenant threshold', () => {
    const ratings = [
      { raterRole: 'parent', value: 50, occurredAt: '2025-03-01T10:00:00Z' },
      { raterRole: 'teacher', value: 80, occurredAt: '2025-03-01T10:00:00Z' },
    ];
    expect(goalLatest(ratings).flagged).toBe(true);
    expect(goalLatest(ratings, 3.5).flagged).toBe(false);
  });

  it('rounds the mean to whole tenths', () => {
    const result = goalLatest([
      { raterRole: 'a', value: 10, occurredAt: '2025-03-01T10:00:00Z' },
      { raterRole: 'b', value: 10, occurredAt: '2025-03-01T10:00:00Z' },
      { raterRole: 'c', value: 11, occurredAt: '2025-03-01T10:00:00Z' },
    ]);
    expect(result.latest).toBe(10);
  });

  it('has no value and no flag without ratings', () => {
    expect(goalLatest([])).toEqual({ latest: null, spread: null, flagged: false, byRole: {} });
  });

  it('keeps spread ≥ 0 and the latest value between the lowest and highest role', () => {
    const rating = fc.record({
      raterRole: fc.constantFrom('parent', 'child', 'professional', 'teacher'),
      value: fc.integer({ min: 0, max: 100 }),
      occurredAt: fc
        .integer({ min: 0, max: 10_000 })
        .map((m) => new Date(Date.UTC(2025, 0, 1, 0, m)).toISOString()),
    });
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 12 }), (ratings) => {
        const result = goalLatest(ratings);
        const roleValues = Object.values(result.byRole);
        expect(result.spread).toBeGreaterThanOrEqual(0);
        expect(result.latest).toBeGreaterThanOrEqual(Math.min(...roleValues));
        expect(result.latest).toBeLessThanOrEqual(Math.max(...roleValues));
      }),
    );
  });
});

describe('goalProgress', () => {
  it('is the share of the way from baseline to target', () => {
    expect(goalProgress(20, 80, 50)).toBe(0.5);
    expect(goalProgress(20, 80, 80)).toBe(1);
  });

  it('is not clamped, so overshooting and going backwards stay visible', () => {
    expect(goalProgress(20, 80, 92)).toBeCloseTo(1.2);
    expect(goalProgress(20, 80, 2)).toBeCloseTo(-0.3);
  });

  it('works for goals where the target is below the baseline', () => {
    expect(goalProgress(30, 10, 20)).toBe(0.5);
  });

  it('is null without a latest value or when target equals baseline', () => {
    expect(goalProgress(20, 80, null)).toBeNull();
    expect(goalProgress(50, 50, 60)).toBeNull();
    expect(goalProgress(null, 80, 60)).toBeNull();
  });
});
