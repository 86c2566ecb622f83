import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../instruments/built-in.js';
import type { InstrumentDefinition } from '../instruments/definition.js';
import { ScoringInputError } from './errors.js';
import { itemRange, scoreMeasurement, totalRange } from './total.js';

function builtIn(key: string): InstrumentDefinition {
  const def = builtInInstruments.find((d) => d.key === key);
  if (!def) throw new Error(`no built-in ${key}`);
  return def;
}

/** Valid item values (tenths) for a definition: whole steps from the scale's minimum. */
function validValues(def: InstrumentDefinition): fc.Arbitrary<number[]> {
  const { min, max, step } = itemRange(def);
  const value = fc.integer({ min: 0, max: (max - min) / step }).map((k) => min + k * step);
  return fc.array(value, { minLength: def.items.length, maxLength: def.items.length });
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ScoringInputError) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

describe('scoreMeasurement', () => {
  it('sums the four outcome lines', () => {
    expect(scoreMeasurement(builtIn('outcome'), [45, 50, 40, 45])).toEqual({ total: 180 });
  });

  it('takes the single value of a one-line instrument', () => {
    expect(scoreMeasurement(builtIn('gas'), [-20])).toEqual({ total: -20 });
  });

  it('rounds a mean to whole tenths', () => {
    const mean: InstrumentDefinition = { ...builtIn('outcome'), total: 'MEAN' };
    expect(scoreMeasurement(mean, [10, 10, 10, 11])).toEqual({ total: 10 }); // 10.25
    expect(scoreMeasurement(mean, [10, 10, 11, 11])).toEqual({ total: 11 }); // 10.5 rounds up
  });

  it('names the item that is out of range or off its step', () => {
    expect(() => scoreMeasurement(builtIn('outcome'), [45, 101, 40, 45])).toThrow(
      'Item "relationships" of "outcome" is 10.1, outside 0–10',
    );
    expect(() => scoreMeasurement(builtIn('function-level'), [15])).toThrow(
      'Item "level" of "function-level" is 1.5, which is not on a step of 1 from 0',
    );
    expect(() => scoreMeasurement(builtIn('outcome'), [45, 50, 40])).toThrow(
      'Instrument "outcome" has 4 items, got 3 values',
    );
  });

  it('keeps totals of valid values inside the total range', () => {
    for (const def of builtInInstruments) {
      fc.assert(
        fc.property(validValues(def), (values) => {
          const { total } = scoreMeasurement(def, values);
          const range = totalRange(def);
          expect(Number.isInteger(total)).toBe(true);
          expect(total).toBeGreaterThanOrEqual(range.min);
          expect(total).toBeLessThanOrEqual(range.max);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('rejects the wrong number of values', () => {
    const def = builtIn('outcome');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 10 }).filter((v) => v.length !== 4),
        (values) => {
          expect(codeOf(() => scoreMeasurement(def, values))).toBe('WRONG_ITEM_COUNT');
        },
      ),
    );
  });

  it('rejects a value outside the item range', () => {
    const def = builtIn('outcome');
    const outside = fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 101 }));
    fc.assert(
      fc.property(validValues(def), fc.nat(3), outside, (values, index, bad) => {
        values[index] = bad;
        expect(codeOf(() => scoreMeasurement(def, values))).toBe('OUT_OF_RANGE');
      }),
    );
  });

  it('rejects a value between steps', () => {
    const def = builtIn('function-level');
    const offStep = fc.integer({ min: 1, max: 39 }).filter((t) => t % 10 !== 0);
    fc.assert(
      fc.property(offStep, (bad) => {
        expect(codeOf(() => scoreMeasurement(def, [bad]))).toBe('OFF_STEP');
      }),
    );
    expect(codeOf(() => scoreMeasurement(builtIn('outcome'), [45.5, 50, 40, 45]))).toBe('OFF_STEP');
  });
});

describe('totalRange', () => {
  it('multiplies the item range for sums and keeps it otherwise', () => {
    expect(totalRange(builtIn('outcome'))).toEqual({ min: 0, max: 400 });
    expect(totalRange(builtIn('gas'))).toEqual({ min: -20, max: 20 });
    expect(totalRange(builtIn('function-level'))).toEqual({ min: 0, max: 40 });
  });
});
