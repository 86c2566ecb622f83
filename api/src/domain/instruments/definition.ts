import { z } from 'zod';
import { checkDefinitionConsistency } from './consistency.js';
import { formatIssues, InstrumentDefinitionError } from './definition-error.js';

/*
 * The instrument definition format: instruments are data, not code (docs/design.md §4). Everything
 * here is in human units (min 0, max 10, step 0.1, cutoff 25) because that is what a
 * municipality edits; scoring converts to tenths.
 */

const kebabCase = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');

// zod 4's number() already refuses NaN and ±Infinity.
const number = z.number();

/** Text a person reads, in Danish (default) and English. */
export const localisedTextSchema = z.strictObject({
  da: z.string().trim().min(1, 'Danish text must not be empty'),
  en: z.string().trim().min(1, 'English text must not be empty'),
});

/** The range and granularity of one item's line, in human units. */
export const scaleSchema = z.strictObject({ min: number, max: number, step: number });

/** One line (question) of an instrument. */
export const itemSchema = z.strictObject({
  key: kebabCase,
  label: localisedTextSchema,
  hint: localisedTextSchema.optional(),
});

/** Clinical cutoff for one age band, in total units; a missing bound means open-ended. */
export const cutoffSchema = z.strictObject({
  minAge: z.number().int().nonnegative().optional(),
  maxAge: z.number().int().nonnegative().optional(),
  value: number,
});

const outcomeAlertsSchema = z.strictObject({
  type: z.literal('OUTCOME'),
  orangeAtSession: z.number().int().positive(),
  redAtSession: z.number().int().positive(),
});

const allianceAlertsSchema = z.strictObject({
  type: z.literal('ALLIANCE'),
  /** Total (human units) under which the alliance is flagged RED. */
  totalBelow: number,
  /** 'LT' flags total < totalBelow, 'LTE' total ≤ totalBelow (sources disagree). */
  comparison: z.enum(['LT', 'LTE']),
  /** A drop of at least this much (total units) from the previous session flags ORANGE. */
  dropOf: number,
  /** Any item (human units) strictly below this flags ORANGE. */
  itemBelow: number,
});

/** Alert rules; which type is allowed depends on the instrument's kind. */
export const alertsSchema = z.discriminatedUnion('type', [
  outcomeAlertsSchema,
  allianceAlertsSchema,
  z.strictObject({ type: z.literal('NONE') }),
]);

/** Shape-only schema: types and ranges of each field, no cross-field rules. */
const definitionShape = z.strictObject({
  key: kebabCase,
  version: z.number().int().positive(),
  kind: z.enum(['OUTCOME', 'SESSION', 'GOAL', 'GAS', 'FUNCTION_LEVEL']),
  audience: z.enum(['ADULT', 'CHILD']),
  direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
  name: localisedTextSchema,
  description: localisedTextSchema,
  scale: scaleSchema,
  /** Words at the two ends of the line: `low` at scale.min, `high` at scale.max, whatever the direction. */
  anchors: z.strictObject({ low: localisedTextSchema, high: localisedTextSchema }).optional(),
  items: z.array(itemSchema).min(1, 'an instrument needs at least one item'),
  total: z.enum(['SUM', 'MEAN', 'SINGLE']),
  cutoffs: z.array(cutoffSchema),
  reliableChange: number.nullable(),
  alerts: alertsSchema,
  /** Child instruments show Helhed's own face drawings at the ends of the line. */
  faces: z.boolean().optional(),
  licence: z.strictObject({
    note: z.string().trim().min(1, 'say whose wording this is'),
    wording: z.enum(['OWN', 'LICENSED']),
  }),
});

/** Full schema of a versioned instrument definition, cross-field rules included. */
export const instrumentDefinitionSchema = definitionShape.superRefine((def, ctx) => {
  for (const issue of checkDefinitionConsistency(def)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: def });
  }
});

/** A validated instrument definition, in human units. */
export type InstrumentDefinition = z.infer<typeof definitionShape>;
/** The kind of an instrument decides which alert rules apply. */
export type InstrumentKind = InstrumentDefinition['kind'];
/** Whether a higher or a lower total is the better one. */
export type Direction = InstrumentDefinition['direction'];
/** One item of a definition. */
export type InstrumentItem = InstrumentDefinition['items'][number];
/** One age band's cutoff, in human units. */
export type CutoffBand = InstrumentDefinition['cutoffs'][number];
/** The alert rules of a definition. */
export type InstrumentAlerts = InstrumentDefinition['alerts'];

/**
 * Validates unknown input (parsed JSON, a database row) as an instrument definition.
 * @throws InstrumentDefinitionError listing every problem as "path: message"
 */
export function parseInstrumentDefinition(input: unknown): InstrumentDefinition {
  const result = instrumentDefinitionSchema.safeParse(input);
  if (!result.success) {
    const key = readKey(input);
    const issues = formatIssues(result.error.issues);
    throw new InstrumentDefinitionError(
      `Instrument definition${key ? ` "${key}"` : ''} is invalid: ${issues.join('; ')}`,
      issues,
    );
  }
  return result.data;
}

/** Best-effort key of an invalid definition, so the error says which one failed. */
function readKey(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('key' in input)) return undefined;
  return typeof input.key === 'string' ? input.key : undefined;
}
