import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInInstruments } from './built-in.js';
import {
  type InstrumentDefinition,
  instrumentDefinitionSchema,
  parseInstrumentDefinition,
} from './definition.js';
import { InstrumentDefinitionError } from './definition-error.js';

function builtIn(key: string): InstrumentDefinition {
  const def = builtInInstruments.find((d) => d.key === key);
  if (!def) throw new Error(`no built-in ${key}`);
  return def;
}

/** Parses and returns the issues, failing the test when the input is accepted. */
function issuesOf(input: unknown): readonly string[] {
  try {
    parseInstrumentDefinition(input);
  } catch (error) {
    if (error instanceof InstrumentDefinitionError) return error.issues;
    throw error;
  }
  throw new Error('expected the definition to be refused');
}

describe('instrument definitions', () => {
  it('accepts every built-in instrument', () => {
    for (const def of builtInInstruments) {
      expect(instrumentDefinitionSchema.safeParse(def).success, def.key).toBe(true);
    }
  });

  it('lists exactly the built-ins of the design', () => {
    expect(builtInInstruments.map((d) => d.key)).toEqual([
      'outcome',
      'session',
      'child-outcome',
      'child-session',
      'goal-scale',
      'gas',
      'function-level',
    ]);
  });

  it('reports a broken definition as readable path-and-message lines', () => {
    const broken = {
      ...builtIn('outcome'),
      key: 'Outcome Scale',
      items: [...builtIn('outcome').items, { key: 'overall', label: { da: 'Igen', en: 'Again' } }],
    };
    const issues = issuesOf(broken);
    expect(issues).toEqual([
      'key: must be kebab-case: lower-case letters, digits and single dashes',
      'items[4].key: duplicate key "overall"',
    ]);
  });

  it('reports cross-field problems with the field to fix', () => {
    const def = builtIn('outcome');
    expect(issuesOf({ ...def, items: [...def.items, { ...def.items[0] }] })).toContain(
      'items[4].key: duplicate key "wellbeing"',
    );
    expect(issuesOf({ ...def, scale: { min: 0, max: 10, step: 0.3 } })).toEqual([
      'scale.step: must divide max − min (10 − 0) into whole steps',
    ]);
    expect(issuesOf({ ...def, scale: { min: 0, max: 10, step: 0.05 } })).toContain(
      'scale.step: must be a multiple of 0.1',
    );
    expect(issuesOf({ ...def, cutoffs: [{ value: 45 }] })).toEqual([
      'cutoffs[0].value: must lie within the total range 0–40, got 45',
    ]);
    expect(issuesOf({ ...def, total: 'SINGLE' })).toEqual(['total: SINGLE needs exactly one item, found 4']);
    expect(issuesOf({ ...def, alerts: { type: 'NONE' } })).toEqual([
      'alerts.type: kind OUTCOME needs alerts of type OUTCOME',
    ]);
  });

  it('refuses overlapping age bands, since the cutoff would be ambiguous', () => {
    const def = builtIn('outcome');
    const issues = issuesOf({
      ...def,
      cutoffs: [
        { minAge: 18, value: 25 },
        { minAge: 13, maxAge: 18, value: 28 },
      ],
    });
    expect(issues).toEqual(['cutoffs[1]: age band overlaps cutoffs[0]']);
  });

  it('refuses a reliable change larger than the total can move', () => {
    expect(issuesOf({ ...builtIn('function-level'), reliableChange: 5 })).toEqual([
      'reliableChange: must lie within the total span range 0–4, got 5',
    ]);
  });

  it('refuses unknown fields so a misspelt threshold is not silently ignored', () => {
    const issues = issuesOf({ ...builtIn('outcome'), reliablechange: 4 });
    expect(issues.join('\n')).toMatch(/reliablechange/);
  });

  it('refuses alliance alerts on a lower-is-better instrument', () => {
    expect(issuesOf({ ...builtIn('session'), direction: 'LOWER_IS_BETTER' })).toEqual([
      'direction: ALLIANCE alerts need HIGHER_IS_BETTER',
    ]);
  });

  it('names the instrument in the error message', () => {
    expect(() => parseInstrumentDefinition({ ...builtIn('gas'), version: 0 })).toThrow(
      /Instrument definition "gas" is invalid: version:/,
    );
  });

  it('answers any malformed field with a definition error, never a crash', () => {
    const def = builtIn('session');
    const fields = Object.keys(def);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), (field, junk) => {
        try {
          parseInstrumentDefinition({ ...def, [field]: junk });
        } catch (error) {
          expect(error).toBeInstanceOf(InstrumentDefinitionError);
        }
      }),
    );
  });

  it('refuses something that is not an object at all', () => {
    expect(issuesOf('outcome')).toEqual([expect.stringMatching(/^\(definition\): /)]);
  });
});
