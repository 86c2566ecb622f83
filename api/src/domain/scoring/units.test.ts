import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringInputError } from './errors.js';
import { fromTenths, isWholeTenths, toTenths } from './units.js';

describe('tenths', () => {
  it('converts human units to integer tenths and back', () => {
    expect(toTenths(7.3)).toBe(73);
    expect(toTenths(0.1 + 0.2)).toBe(3);
    expect(toTenths(-2)).toBe(-20);
    expect(fromTenths(245)).toBe(24.5);
  });

  it('never yields negative zero', () => {
    expect(Object.is(toTenths(-0.01), 0)).toBe(true);
  });

  it('refuses values that are not finite numbers', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => toTenths(bad)).toThrow(ScoringInputError);
    }
  });

  it('round-trips every whole number of tenths', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (t) => {
        expect(toTenths(fromTenths(t))).toBe(t);
        expect(isWholeTenths(fromTenths(t))).toBe(true);
      }),
    );
  });

  it('tells whole tenths from finer values', () => {
    expect(isWholeTenths(0.3)).toBe(true);
    expect(isWholeTenths(7.35)).toBe(false);
    expect(isWholeTenths(Number.NaN)).toBe(false);
  });
});
