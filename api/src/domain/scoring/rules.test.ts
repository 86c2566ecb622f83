import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../instruments/built-in.js';
import type { InstrumentDefinition } from '../instruments/definition.js';
import { ageBandCutoff } from './cutoff.js';
import { resolveRules, resolveSpreadFlag, tenantOverridesSchema } from './rules.js';

function builtIn(key: string): InstrumentDefinition {
  const def = builtInInstruments.find((d) => d.key === key);
  if (!def) throw new Error(`no built-in ${key}`);
  return def;
}

describe('resolveRules', () => {
  it("converts the definition's thresholds to tenths", () => {
    expect(resolveRules(builtIn('outcome'))).toEqual({
      instrumentKey: 'outcome',
      kind: 'OUTCOME',
      direction: 'HIGHER_IS_BETTER',
      reliableChange: 50,
      cutoffs: [
        { minAge: 18, value: 250 },
        { minAge: 13, maxAge: 17, value: 280 },
        { minAge: 6, maxAge: 12, value: 320 },
      ],
      outcome: { orangeAtSession: 3, redAtSession: 4 },
      alliance: null,
    });
    expect(resolveRules(builtIn('session')).alliance).toEqual({
      totalBelow: 360,
      comparison: 'LT',
      dropOf: 10,
      itemBelow: 90,
    });
  });

  it("applies a tenant's overrides for that instrument only", () => {
    const overrides = tenantOverridesSchema.parse({
      instruments: {
        outcome: { reliableChange: 6, cutoffs: [{ value: 24 }], redAtSession: 5 },
        session: { alliance: { totalBelow: 35 } },
      },
    });
    const outcome = resolveRules(builtIn('outcome'), overrides);
    expect(outcome).toMatchObject({
      reliableChange: 60,
      cutoffs: [{ value: 240 }],
      outcome: { orangeAtSession: 3, redAtSession: 5 },
    });
    expect(resolveRules(builtIn('session'), overrides).alliance).toMatchObject({
      totalBelow: 350,
      dropOf: 10,
    });
    expect(resolveRules(builtIn('child-outcome'), overrides).reliableChange).toBe(50);
  });

  it('lets a tenant switch reliable change off with null', () => {
    expect(
      resolveRules(builtIn('goal-scale'), { instruments: { 'goal-scale': { reliableChange: null } } })
        .reliableChange,
    ).toBe(null);
  });

  it('refuses malformed overrides at the edge', () => {
    expect(tenantOverridesSchema.safeParse({ instruments: { outcome: { redAtSession: 0 } } }).success).toBe(
      false,
    );
    expect(tenantOverridesSchema.safeParse({ spreadflag: 2 }).success).toBe(false);
  });
});

describe('resolveSpreadFlag', () => {
  it('prefers the instrument override, then the tenant default, then 3', () => {
    expect(resolveSpreadFlag()).toBe(3);
    expect(resolveSpreadFlag({ spreadFlag: 4 })).toBe(4);
    expect(resolveSpreadFlag({ spreadFlag: 4, instruments: { 'goal-scale': { spreadFlag: 2.5 } } })).toBe(
      2.5,
    );
  });
});

describe('ageBandCutoff', () => {
  const rules = resolveRules(builtIn('outcome'));

  it('picks the band the age falls in', () => {
    expect(ageBandCutoff(rules, 18)).toBe(250);
    expect(ageBandCutoff(rules, 17)).toBe(280);
    expect(ageBandCutoff(rules, 13)).toBe(280);
    expect(ageBandCutoff(rules, 12)).toBe(320);
    expect(ageBandCutoff(rules, 6)).toBe(320);
  });

  it('has no cutoff for an age no band covers', () => {
    expect(ageBandCutoff(rules, 5)).toBeNull();
  });

  it('floors a fractional age, since we only know whole years', () => {
    expect(ageBandCutoff(rules, 17.9)).toBe(280);
  });

  it('uses the adult band when the age is unknown', () => {
    expect(ageBandCutoff(rules, null)).toBe(250);
    expect(ageBandCutoff(rules, undefined)).toBe(250);
  });

  it('uses the single child cutoff of 32 at every age', () => {
    const child = resolveRules(builtIn('child-outcome'));
    expect(ageBandCutoff(child, 8)).toBe(320);
    expect(ageBandCutoff(child, null)).toBe(320);
  });
});
