import { z } from 'zod';
import type { Direction, InstrumentDefinition, InstrumentKind } from '../instruments/definition.js';
import { cutoffSchema } from '../instruments/definition.js';
import { toTenths } from './units.js';

/** A clinical cutoff for one age band, in tenths of the total. Missing bounds are open-ended. */
export interface CutoffRule {
  minAge?: number;
  maxAge?: number;
  value: number;
}

/** Session numbers at which missing reliable improvement turns ORANGE and RED. */
export interface OutcomeAlertRules {
  orangeAtSession: number;
  redAtSession: number;
}

/** Alliance thresholds, in tenths (totalBelow 360, dropOf 10, itemBelow 90 by default). */
export interface AllianceRules {
  totalBelow: number;
  comparison: 'LT' | 'LTE';
  dropOf: number;
  itemBelow: number;
}

/**
 * The thresholds in force for one instrument at one tenant, all in tenths: the definition's
 * values with the tenant's overrides applied. `outcome` is set only for OUTCOME instruments
 * and `alliance` only for SESSION instruments.
 */
export interface ScoringRules {
  instrumentKey: string;
  kind: InstrumentKind;
  direction: Direction;
  reliableChange: number | null;
  cutoffs: readonly CutoffRule[];
  outcome: OutcomeAlertRules | null;
  alliance: AllianceRules | null;
}

// zod 4's number() already refuses NaN and ±Infinity.
const positive = z.number().positive();
const session = z.number().int().positive();

/** A tenant's changes to one instrument's thresholds, in human units like the definition. */
export const instrumentOverridesSchema = z.strictObject({
  reliableChange: positive.nullable().optional(),
  cutoffs: z.array(cutoffSchema).optional(),
  alliance: z
    .strictObject({
      totalBelow: positive,
      comparison: z.enum(['LT', 'LTE']),
      dropOf: positive,
      itemBelow: positive,
    })
    .partial()
    .optional(),
  orangeAtSession: session.optional(),
  redAtSession: session.optional(),
  /** Goal spread (human units) at or above which ratings are flagged; goal instruments only. */
  spreadFlag: positive.optional(),
});

/**
 * A tenant's threshold overrides (docs/design.md §4: sources disagree at the margins, e.g. < 36 vs
 * ≤ 36): a global goal spreadFlag plus overrides per instrument key. Validate with this at the
 * edge (tenant configuration), then pass the typed value to `resolveRules`.
 */
export const tenantOverridesSchema = z.strictObject({
  spreadFlag: positive.optional(),
  instruments: z.record(z.string(), instrumentOverridesSchema).optional(),
});

/** Overrides for one instrument, human units. */
export type InstrumentOverrides = z.infer<typeof instrumentOverridesSchema>;
/** A tenant's overrides, human units. */
export type TenantOverrides = z.infer<typeof tenantOverridesSchema>;

/** docs/design.md §4: ratings that differ by 3 points or more are flagged. */
export const DEFAULT_SPREAD_FLAG = 3;

/**
 * The rules for one instrument: the definition's thresholds with the tenant's overrides for
 * that key on top, converted to tenths. Overrides that do not fit the instrument's kind (alliance
 * thresholds on an outcome instrument) are ignored.
 */
export function resolveRules(def: InstrumentDefinition, overrides?: TenantOverrides): ScoringRules {
  if (overrides !== undefined) return rulesOf(def, overrides);
  // Without overrides the rules are the definition's own: a caseload scores thousands of series
  // of a handful of definitions, so each is converted once.
  let rules = definitionRules.get(def);
  if (!rules) {
    rules = Object.freeze(rulesOf(def));
    definitionRules.set(def, rules);
  }
  return rules;
}

const definitionRules = new WeakMap<InstrumentDefinition, ScoringRules>();

function rulesOf(def: InstrumentDefinition, overrides?: TenantOverrides): ScoringRules {
  const own = overrides?.instruments?.[def.key] ?? {};
  const reliableChange = own.reliableChange !== undefined ? own.reliableChange : def.reliableChange;
  const { alerts } = def;
  return {
    instrumentKey: def.key,
    kind: def.kind,
    direction: def.direction,
    reliableChange: reliableChange === null ? null : toTenths(reliableChange),
    cutoffs: (own.cutoffs ?? def.cutoffs).map((band) => ({ ...band, value: toTenths(band.value) })),
    outcome:
      alerts.type === 'OUTCOME'
        ? {
            orangeAtSession: own.orangeAtSession ?? alerts.orangeAtSession,
            redAtSession: own.redAtSession ?? alerts.redAtSession,
          }
        : null,
    alliance:
      alerts.type === 'ALLIANCE'
        ? {
            totalBelow: toTenths(own.alliance?.totalBelow ?? alerts.totalBelow),
            comparison: own.alliance?.comparison ?? alerts.comparison,
            dropOf: toTenths(own.alliance?.dropOf ?? alerts.dropOf),
            itemBelow: toTenths(own.alliance?.itemBelow ?? alerts.itemBelow),
          }
        : null,
  };
}

/**
 * The goal spread flag in HUMAN units (what `goalLatest` takes): the instrument's override, else
 * the tenant's global value, else 3. Kept out of ScoringRules, whose numbers are all tenths.
 */
export function resolveSpreadFlag(overrides?: TenantOverrides, instrumentKey = 'goal-scale'): number {
  return overrides?.instruments?.[instrumentKey]?.spreadFlag ?? overrides?.spreadFlag ?? DEFAULT_SPREAD_FLAG;
}
