import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../instruments/built-in.js';
import type { InstrumentDefinition } from '../instruments/definition.js';
import type { Classification } from './classification.js';
import { analyseSeries, type SeriesPoint } from './series.js';
import { totalRange } from './total.js';

function builtIn(key: string): InstrumentDefinition {
  const def = builtInInstruments.find((d) => d.key === key);
  if (!def) throw new Error(`no built-in ${key}`);
  return def;
}

/** Points one week apart, starting 2025-01-06, with the given totals (tenths). */
function weekly(...totals: number[]): SeriesPoint[] {
  return totals.map((total, i) => ({
    occurredAt: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString(),
    total,
  }));
}

const outcome = builtIn('outcome');

describe('analyseSeries on outcome', () => {
  it('classifies 18.0 → 24.5 → 31.0 for an adult as improved and recovered', () => {
    const result = analyseSeries(outcome, weekly(180, 245, 310));
    expect(result).toMatchObject({
      first: 180,
      latest: 310,
      change: 130,
      classification: 'IMPROVED',
      recovered: true, // 18 < 25 ≤ 31
      cutoff: 250,
      alert: 'GREEN',
      alertReasons: [],
    });
    expect(result.normalizedChange).toBeCloseTo(0.325);
    expect(result.points.map((p) => p.session)).toEqual([1, 2, 3]);
  });

  it('uses the 13–17 cutoff of 28 for a 15-year-old', () => {
    const result = analyseSeries(outcome, weekly(180, 245, 310), { ageAtStart: 15 });
    expect(result.cutoff).toBe(280);
    expect(result.recovered).toBe(true); // 18 < 28 ≤ 31
  });

  it('does not call it recovered for a 10-year-old who stays under 32', () => {
    const result = analyseSeries(outcome, weekly(180, 245, 310), { ageAtStart: 10 });
    expect(result.cutoff).toBe(320);
    expect(result.classification).toBe('IMPROVED');
    expect(result.recovered).toBe(false);
  });

  it('does not call it recovered when the start was already above the cutoff', () => {
    const result = analyseSeries(outcome, weekly(260, 350));
    expect(result.classification).toBe('IMPROVED');
    expect(result.recovered).toBe(false);
  });

  it('orders points by time, not by input order', () => {
    const [a, b, c] = weekly(180, 245, 310);
    if (!a || !b || !c) throw new Error('fixture');
    const result = analyseSeries(outcome, [c, a, b]);
    expect(result.points.map((p) => p.total)).toEqual([180, 245, 310]);
    expect(result.change).toBe(130);
  });

  it('is grey with insufficient data under two points, yet shows the one it has', () => {
    const one = analyseSeries(outcome, weekly(180));
    expect(one).toMatchObject({
      first: 180,
      latest: 180,
      change: null,
      normalizedChange: null,
      classification: 'INSUFFICIENT_DATA',
      alert: 'GREY',
      alertReasons: ['INSUFFICIENT_DATA'],
      recovered: false,
    });
    expect(analyseSeries(outcome, [])).toMatchObject({ first: null, latest: null, alert: 'GREY' });
  });

  it('treats a change just under 5 points as no reliable change', () => {
    expect(analyseSeries(outcome, weekly(200, 249)).classification).toBe('NO_RELIABLE_CHANGE');
    expect(analyseSeries(outcome, weekly(200, 250)).classification).toBe('IMPROVED');
    expect(analyseSeries(outcome, weekly(200, 150)).classification).toBe('DETERIORATED');
  });

  it('turns orange without reliable improvement at session 3 and red at session 4', () => {
    expect(analyseSeries(outcome, weekly(200, 210)).alert).toBe('GREEN');
    expect(analyseSeries(outcome, weekly(200, 210, 220))).toMatchObject({
      alert: 'ORANGE',
      alertReasons: ['NO_IMPROVEMENT_AT_ORANGE_SESSION'],
    });
    expect(analyseSeries(outcome, weekly(200, 210, 220, 230))).toMatchObject({
      alert: 'RED',
      alertReasons: ['NO_IMPROVEMENT_BY_RED_SESSION'],
    });
    expect(analyseSeries(outcome, weekly(200, 210, 220, 260)).alert).toBe('GREEN');
  });

  it('turns red on reliable deterioration at any session', () => {
    expect(analyseSeries(outcome, weekly(250, 190))).toMatchObject({
      alert: 'RED',
      alertReasons: ['RELIABLE_DETERIORATION'],
    });
  });

  it('uses the recorded session number over the position', () => {
    const points = weekly(200, 210).map((p, i) => ({ ...p, session: i === 0 ? 3 : 4 }));
    expect(analyseSeries(outcome, points)).toMatchObject({
      alert: 'RED',
      alertReasons: ['NO_IMPROVEMENT_BY_RED_SESSION'],
    });
  });

  it('rejects an unparseable date', () => {
    expect(() => analyseSeries(outcome, [{ occurredAt: 'last tuesday', total: 100 }])).toThrow(
      /not an ISO 8601/,
    );
  });
});

describe('analyseSeries on other kinds', () => {
  it('counts function level 3 → 1 as an improvement of 2 levels', () => {
    const result = analyseSeries(builtIn('function-level'), weekly(30, 10));
    expect(result).toMatchObject({ change: 20, classification: 'IMPROVED', alert: 'GREEN' });
    expect(result.normalizedChange).toBeCloseTo(0.5);
  });

  it('turns a goal series red on reliable deterioration and grey with one rating', () => {
    expect(analyseSeries(builtIn('goal-scale'), weekly(60, 35))).toMatchObject({
      classification: 'DETERIORATED',
      alert: 'RED',
      alertReasons: ['RELIABLE_DETERIORATION'],
    });
    expect(analyseSeries(builtIn('goal-scale'), weekly(60)).alert).toBe('GREY');
  });

  it('never calls a change reliable without a reliable-change threshold', () => {
    const noThreshold = { ...outcome, reliableChange: null };
    expect(analyseSeries(noThreshold, weekly(0, 400)).classification).toBe('NO_RELIABLE_CHANGE');
  });
});

/** Series of 2–8 points with distinct timestamps and totals within 0–40. */
const outcomeSeries = fc
  .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 8 })
  .chain((days) =>
    fc.tuple(
      ...days.map((day) =>
        fc.integer({ min: 0, max: 400 }).map((total) => ({
          occurredAt: new Date(Date.UTC(2024, 0, 1 + day)).toISOString(),
          total,
        })),
      ),
    ),
  );

/** The same series on the other side of the scale: 0 ↔ 40, 10 ↔ 30. */
function mirror(points: readonly SeriesPoint[]): SeriesPoint[] {
  const { min, max } = totalRange(outcome);
  return points.map((p) => ({ ...p, total: max + min - p.total }));
}

function swapped(classification: Classification): Classification {
  if (classification === 'IMPROVED') return 'DETERIORATED';
  if (classification === 'DETERIORATED') return 'IMPROVED';
  return classification;
}

describe('analyseSeries properties', () => {
  it('swaps improved and deteriorated when only the direction flips', () => {
    const flipped: InstrumentDefinition = { ...outcome, direction: 'LOWER_IS_BETTER' };
    fc.assert(
      fc.property(outcomeSeries, (points) => {
        const original = analyseSeries(outcome, points);
        const opposite = analyseSeries(flipped, points);
        expect(opposite.classification).toBe(swapped(original.classification));
        expect(opposite.change).toBe(0 - (original.change ?? 0));
      }),
    );
  });

  it('swaps improved and deteriorated when only the totals are mirrored', () => {
    fc.assert(
      fc.property(outcomeSeries, (points) => {
        const original = analyseSeries(outcome, points).classification;
        expect(analyseSeries(outcome, mirror(points)).classification).toBe(swapped(original));
      }),
    );
  });

  it('gives the same verdict when the direction flips and the totals are mirrored together', () => {
    const flipped: InstrumentDefinition = { ...outcome, direction: 'LOWER_IS_BETTER' };
    fc.assert(
      fc.property(outcomeSeries, (points) => {
        const original = analyseSeries(outcome, points);
        const both = analyseSeries(flipped, mirror(points));
        expect(both.classification).toBe(original.classification);
        expect(both.points.map((p) => p.normalized)).toEqual(original.points.map((p) => p.normalized));
      }),
    );
  });

  it('gives the same result whatever order the points arrive in', () => {
    fc.assert(
      fc.property(
        outcomeSeries.chain((points) =>
          fc.tuple(fc.constant(points), fc.shuffledSubarray(points, { minLength: points.length })),
        ),
        ([points, shuffled]) => {
          const a = analyseSeries(outcome, points);
          const b = analyseSeries(outcome, shuffled);
          expect(b.classification).toBe(a.classification);
          expect(b.change).toBe(a.change);
          expect(b.alert).toBe(a.alert);
          expect(b.points).toEqual(a.points);
        },
      ),
    );
  });
});
