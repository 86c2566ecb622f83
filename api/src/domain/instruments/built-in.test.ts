import { describe, expect, it } from 'vitest';
import { builtInInstruments } from './built-in.js';

/** Words that identify the licensed ORS/SRS/CORS item wording, in English and Danish. */
const licensedMarkers = /individually|interpersonally|socially|individuelt|interpersonelt|socialt|generelt/i;

describe('built-in instruments', () => {
  it('carry only our own wording', () => {
    for (const def of builtInInstruments) {
      expect(def.licence.wording, def.key).toBe('OWN');
      for (const item of def.items) {
        const words = [item.label.da, item.label.en, item.hint?.da ?? '', item.hint?.en ?? ''].join(' ');
        expect(words, `${def.key}.${item.key}`).not.toMatch(licensedMarkers);
      }
    }
  });

  it('give the outcome instrument the cutoffs and thresholds of the design', () => {
    const outcome = builtInInstruments.find((d) => d.key === 'outcome');
    expect(outcome?.cutoffs).toEqual([
      { minAge: 18, value: 25 },
      { minAge: 13, maxAge: 17, value: 28 },
      { minAge: 6, maxAge: 12, value: 32 },
    ]);
    expect(outcome?.reliableChange).toBe(5);
    expect(outcome?.alerts).toEqual({ type: 'OUTCOME', orangeAtSession: 3, redAtSession: 4 });
  });

  it('mark the child instruments for faces and one cutoff of 32', () => {
    const child = builtInInstruments.filter((d) => d.audience === 'CHILD');
    expect(child.map((d) => d.key)).toEqual(['child-outcome', 'child-session']);
    expect(child.every((d) => d.faces === true)).toBe(true);
    expect(child[0]?.cutoffs).toEqual([{ value: 32 }]);
  });

  it('make function level lower-is-better on 0–4 with a reliable change of one level', () => {
    const level = builtInInstruments.find((d) => d.key === 'function-level');
    expect(level).toMatchObject({
      direction: 'LOWER_IS_BETTER',
      scale: { min: 0, max: 4, step: 1 },
      reliableChange: 1,
      anchors: { low: { da: 'Ingen problemer' }, high: { da: 'Totale problemer' } },
    });
  });
});
