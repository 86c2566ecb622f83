import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../instruments/built-in.js';
import type { InstrumentDefinition } from '../instruments/definition.js';
import { normalise } from './normalise.js';

function builtIn(key: string): InstrumentDefinition {
  const def = builtInInstruments.find((d) => d.key === key);
  if (!def) throw new Error(`no built-in ${key}`);
  return def;
}

describe('normalise', () => {
  it('maps a total onto 0 worst … 1 best', () => {
    expect(normalise(builtIn('outcome'), 310)).toBeCloseTo(0.775);
    expect(normalise(builtIn('gas'), 0)).toBe(0.5);
  });

  it('flips lower-is-better instruments so 1 is still best', () => {
    expect(normalise(builtIn('function-level'), 0)).toBe(1);
    expect(normalise(builtIn('function-level'), 30)).toBeCloseTo(0.25);
  });

  it('clamps totals outside the range', () => {
    expect(normalise(builtIn('outcome'), 500)).toBe(1);
    expect(normalise(builtIn('function-level'), 50)).toBe(0);
  });

  it('always lies within [0, 1]', () => {
    fc.assert(
      fc.property(fc.constantFrom(...builtInInstruments), fc.integer(), (def, total) => {
        const value = normalise(def, total);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }),
    );
  });
});
