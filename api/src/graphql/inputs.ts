import { z } from 'zod';
import { respondentRoles } from '../db/schema/index.js';
import { badInput } from './errors.js';

const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = Date.UTC(1900, 0, 1);
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = z.string().min(1).max(64);

/** An ISO 8601 instant with a zone that is not in the future (beyond clock skew). */
export const pastInstant = (now: Date) =>
  z
    .string()
    .max(40)
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
      'must be an ISO 8601 time with a zone, e.g. 2026-11-23T10:00:00Z',
    )
    .transform((s) => new Date(s))
    .refine((d) => !Number.isNaN(d.getTime()), 'is not a real date')
    .refine((d) => d.getTime() >= EARLIEST, 'is before 1900')
    .refine((d) => d.getTime() <= now.getTime() + CLOCK_SKEW_MS, 'is in the future');

/** Danish CPR-shaped strings (DDMMYY-XXXX or 10 digits) are refused wherever free text is stored. */
export const looksLikeCpr = (s: string) => /(^|\D)\d{6}-?\d{4}(\D|$)/.test(s);
const noCpr = (schema: z.ZodString) =>
  schema.refine((s) => !looksLikeCpr(s), 'must not contain a CPR number');

export const createCitizenInput = (now: Date) =>
  z.object({
    displayName: noCpr(text(200)),
    birthYear: z
      .number()
      .int()
      .min(1900, 'must be 1900 or later')
      .max(now.getUTCFullYear(), 'must not be in the future'),
    externalRef: z.object({ system: text(50), value: noCpr(text(100)) }).nullish(),
  });

export const recordMeasurementInput = (now: Date) =>
  z.object({
    idempotencyKey: text(100),
    citizenId: id,
    departmentId: id,
    instrumentKey: text(100),
    respondentRole: z.enum(respondentRoles),
    occurredAt: pastInstant(now),
    session: z.number().int().min(1).max(10_000).nullish(),
    values: z.array(z.number().finite()).min(1).max(100),
  });

export const grantConsentInput = (now: Date) =>
  z.object({
    citizenId: id,
    fromDepartmentId: id,
    toDepartmentId: id,
    purpose: text(200),
    validUntil: z
      .string()
      .max(40)
      .transform((s) => new Date(s))
      .refine((d) => !Number.isNaN(d.getTime()), 'is not a real date')
      .refine((d) => d.getTime() > now.getTime(), 'must be in the future')
      .nullish(),
  });

export const createPlanInput = z
  .object({ citizenId: id.nullish(), familyId: id.nullish() })
  .refine(
    (v) => (v.citizenId ? 1 : 0) + (v.familyId ? 1 : 0) === 1,
    'give exactly one of citizenId or familyId',
  );

export const addGoalInput = z.object({
  planId: id,
  text: noCpr(text(500)),
  departmentIds: z.array(id).min(1, 'must name at least one owner department').max(10),
  instrumentKey: text(100),
  baseline: z.number().finite(),
  target: z.number().finite(),
  weight: z.number().finite().positive().max(100).nullish(),
});

export const rateGoalInput = (now: Date) =>
  z.object({
    idempotencyKey: text(100),
    goalId: id,
    raterRole: z.enum(['PARENT', 'CHILD', 'CITIZEN', 'PROFESSIONAL', 'OTHER']),
    value: z.number().finite(),
    occurredAt: pastInstant(now),
    meetingId: id.nullish(),
  });

/** Parses input at the edge; a failure becomes BAD_USER_INPUT naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'input';
  throw badInput(`${field} ${issue?.message ?? 'is invalid'}.`, field);
}
